-- Inventory: ledger, balances, reservations, counts, snapshots.
-- item_id and location_id refer to the catalog's and the network's ids; the codes beside them are
-- copies of immutable natural keys kept so ledger reads need no other module's tables.

create table inventory_balance (
    item_id     uuid        not null,
    location_id uuid        not null,
    on_hand     bigint      not null default 0 check (on_hand >= 0),
    reserved    bigint      not null default 0 check (reserved >= 0),
    in_transit  bigint      not null default 0 check (in_transit >= 0),
    inspection  bigint      not null default 0 check (inspection >= 0),
    damaged     bigint      not null default 0 check (damaged >= 0),
    updated_at  timestamptz not null,
    -- on_hand and reserved ride in the key's index so availability reads (all locations of a few
    -- items) are index-only scans instead of one heap page per location; the price is that their
    -- updates are not HOT.
    primary key (item_id, location_id) include (on_hand, reserved)
) with (fillfactor = 80);

create table inventory_movement (
    id          uuid        primary key,
    item_id     uuid        not null,
    location_id uuid        not null,
    sku         text        not null,
    location    text        not null,
    status      text        not null check (status in ('AVAILABLE', 'INSPECTION', 'DAMAGED', 'IN_TRANSIT')),
    quantity    bigint      not null check (quantity <> 0),
    type        text        not null,
    reason      text,
    reference   text,
    note        text,
    actor       text        not null,
    occurred_at timestamptz not null,
    recorded_at timestamptz not null,
    document_id uuid
);
create index inventory_movement_item_idx on inventory_movement (item_id, id desc);
create index inventory_movement_item_location_idx on inventory_movement (item_id, location_id, occurred_at);

create table inventory_location_sync (
    location_id    uuid        primary key,
    last_synced_at timestamptz not null
);

create table reservation (
    id          uuid        primary key,
    reference   text        not null,
    channel     text        not null,
    status      text        not null check (status in ('ACTIVE', 'RELEASED', 'FULFILLED', 'EXPIRED')),
    expires_at  timestamptz,
    created_at  timestamptz not null,
    created_by  text        not null,
    updated_at  timestamptz not null,
    version     bigint      not null default 0
);
create index reservation_expiry_idx on reservation (expires_at) where status = 'ACTIVE';
create index reservation_reference_idx on reservation (channel, reference);

-- One row per stock row a reservation line holds: a plain line has one, a kit line one per component.
-- No foreign key to reservation: lines are written in the same statement as their reservation, and a
-- per-row referential check on the hottest insert path costs more than it protects (verify covers it).
create table reservation_line (
    reservation_id  uuid    not null,
    line_no         int     not null,
    component_no    int     not null,
    item_id         uuid    not null,
    location_id     uuid    not null,
    sku             text    not null,
    location        text    not null,
    quantity        bigint  not null check (quantity > 0),
    kit_sku         text,
    kit_quantity    bigint,
    allow_backorder boolean not null,
    primary key (reservation_id, line_no, component_no)
);
create index reservation_line_stock_idx on reservation_line (item_id, location_id);

create table reservation_history (
    reservation_id uuid        not null,
    from_status    text,
    to_status      text        not null,
    actor          text        not null,
    at             timestamptz not null
);
create index reservation_history_idx on reservation_history (reservation_id, at);

create table inventory_count (
    id                uuid          primary key,
    location_id       uuid          not null,
    location          text          not null,
    tolerance_percent numeric(7, 3) not null,
    status            text          not null check (status in ('APPLIED', 'PENDING_APPROVAL', 'REJECTED')),
    note              text,
    counted_at        timestamptz   not null,
    created_at        timestamptz   not null,
    created_by        text          not null,
    decided_at        timestamptz,
    decided_by        text,
    version           bigint        not null default 0
);
create index inventory_count_pending_idx on inventory_count (created_at) where status = 'PENDING_APPROVAL';

create table inventory_count_line (
    count_id         uuid          not null references inventory_count (id),
    line_no          int           not null,
    item_id          uuid          not null,
    sku              text          not null,
    expected         bigint        not null,
    counted          bigint        not null,
    variance         bigint        not null,
    variance_percent numeric(12, 3),
    within_tolerance boolean       not null,
    applied          boolean       not null,
    primary key (count_id, line_no)
);

create table inventory_snapshot (
    id          uuid        primary key,
    location_id uuid        not null,
    location    text        not null,
    as_of       timestamptz not null,
    lines       int         not null,
    adjusted    int         not null,
    received_at timestamptz not null,
    actor       text        not null
);
create index inventory_snapshot_location_idx on inventory_snapshot (location_id, as_of desc);
