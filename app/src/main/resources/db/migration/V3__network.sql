-- Network: locations (nodes). Codes are case-sensitive and ordered bytewise for stable pagination.

create table location (
    id                   uuid        primary key,
    code                 text        collate "C" not null unique,
    name                 text        not null check (char_length(name) between 1 and 200),
    type                 text        not null check (type in ('DC', 'STORE', 'THIRD_PARTY', 'DROP_SHIP', 'CONSOLIDATION_CENTER')),
    country              char(2)     not null,
    postal_code          text,
    latitude             numeric     check (latitude between -90 and 90),
    longitude            numeric     check (longitude between -180 and 180),
    capabilities         text[]      not null default '{}',
    daily_order_capacity int         check (daily_order_capacity >= 0),
    stale_after_seconds  bigint      check (stale_after_seconds > 0),
    stale_buffer_percent int         not null default 0 check (stale_buffer_percent between 0 and 100),
    active               boolean     not null default true,
    version              bigint      not null,
    created_at           timestamptz not null,
    created_by           text        not null,
    updated_at           timestamptz not null,
    updated_by           text        not null,
    check ((latitude is null) = (longitude is null))
);
