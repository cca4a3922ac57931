-- Orders: one row per channel order (channel + external id unique), its lines, where its units are
-- allocated, and the history of its transitions.

create table sales_order (
    id               uuid primary key,
    channel          text        not null,
    external_id      text        not null,
    status           text        not null,
    placed_at        timestamptz not null,
    currency         char(3)     not null,
    customer_email   text,
    customer         jsonb       not null,
    ship_to          jsonb,
    delivery_method  text        not null,
    pickup_location  text,
    service_level    text        not null,
    payment_status   text        not null,
    fraud_flag       boolean     not null,
    holds            text[]      not null,
    total            numeric(19, 4) not null,
    reservation_id   uuid,
    created_at       timestamptz not null,
    created_by       text        not null,
    updated_at       timestamptz not null,
    version          bigint      not null,
    constraint sales_order_channel_external_uq unique (channel, external_id)
);
create index sales_order_channel_status_idx on sales_order (channel, status, id);
create index sales_order_status_idx on sales_order (status, id);
create index sales_order_customer_idx on sales_order (customer_email);

create table sales_order_line (
    order_id     uuid   not null references sales_order (id),
    line_id      text   not null,
    position     integer not null,
    sku          text   not null,
    quantity     bigint not null check (quantity > 0),
    unit_price   numeric(19, 4) not null,
    allocated    bigint not null default 0,
    backordered  bigint not null default 0,
    cancelled    bigint not null default 0,
    shipped      bigint not null default 0,
    primary key (order_id, line_id),
    check (allocated >= 0 and backordered >= 0 and cancelled >= 0 and shipped >= 0),
    check (allocated + backordered + cancelled <= quantity)
);
create index sales_order_line_backordered_idx on sales_order_line (sku) where backordered > 0;

create table sales_order_allocation (
    order_id  uuid   not null references sales_order (id),
    line_id   text   not null,
    location  text   not null,
    quantity  bigint not null check (quantity > 0),
    primary key (order_id, line_id, location)
);

create table sales_order_history (
    order_id     uuid        not null,
    seq          bigint      generated always as identity,
    at           timestamptz not null,
    actor        text        not null,
    event        text        not null,
    from_status  text,
    to_status    text        not null,
    note         text,
    primary key (order_id, seq)
);
