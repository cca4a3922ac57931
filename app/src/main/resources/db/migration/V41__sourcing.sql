-- Sourcing: routing rules per channel, order load per node and day, every routing decision with its explanation.

create table sourcing_rule (
    channel                 text primary key,
    shipment_cost           double precision not null,
    cost_per_km             double precision not null,
    split_penalty           double precision not null,
    never_split             boolean not null,
    prefer_stores_same_day  boolean not null,
    store_preference        double precision not null,
    store_reserve_units     bigint not null,
    backorder_policy        text not null,
    same_day_max_km         integer not null,
    standard_days           integer not null,
    domestic_km             integer not null,
    international_km        integer not null,
    updated_at              timestamptz not null,
    updated_by              text not null
);

create table node_day_load (
    location  text    not null,
    day       date    not null,
    orders    integer not null,
    primary key (location, day)
);

create table routing_decision (
    id          uuid primary key,
    order_id    uuid        not null,
    decided_at  timestamptz not null,
    route       jsonb       not null
);
create index routing_decision_order_idx on routing_decision (order_id, decided_at);
