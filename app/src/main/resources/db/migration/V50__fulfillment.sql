-- Fulfilment: one row per node and shipment of an order, its lines, and its history. A fulfilment
-- holds its units through one inventory reservation; it waits (PENDING) until its node has release
-- capacity for the day, highest priority first.

create table fulfillment (
    id               uuid primary key,
    order_id         uuid        not null,
    channel          text        not null,
    order_reference  text        not null,
    location         text        not null,
    delivery_method  text        not null,
    service_level    text        not null,
    priority         smallint    not null,
    promised_by      timestamptz not null,
    order_placed_at  timestamptz not null,
    status           text        not null,
    reservation_id   uuid,
    carrier          text,
    tracking_number  text,
    pickup_deadline  timestamptz,
    released_on      date,
    released_at      timestamptz,
    shipped_at       timestamptz,
    delivered_at     timestamptz,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    version          bigint      not null
);
create index fulfillment_order_idx on fulfillment (order_id);
create index fulfillment_location_status_idx on fulfillment (location, status, id);
create index fulfillment_status_idx on fulfillment (status, id);
create index fulfillment_pending_idx on fulfillment (location, priority, promised_by, order_placed_at, id) where status = 'PENDING';
create index fulfillment_released_on_idx on fulfillment (location, released_on) where released_on is not null;
create index fulfillment_pickup_due_idx on fulfillment (pickup_deadline) where status = 'READY_FOR_PICKUP';

create table fulfillment_line (
    fulfillment_id  uuid   not null references fulfillment (id),
    line_id         text   not null,
    position        integer not null,
    sku             text   not null,
    quantity        bigint not null check (quantity >= 0),
    primary key (fulfillment_id, line_id)
);

create table fulfillment_history (
    fulfillment_id  uuid        not null,
    seq             bigint      generated always as identity,
    at              timestamptz not null,
    actor           text        not null,
    event           text        not null,
    from_status     text,
    to_status       text        not null,
    note            text,
    primary key (fulfillment_id, seq)
);
