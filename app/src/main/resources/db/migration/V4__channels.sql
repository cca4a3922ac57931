-- Channels: sales channels, their buffers and webhook secret, and the locations each may sell from.
-- The webhook secret is stored as given: verifying an HMAC needs the secret itself. It is never
-- returned by the API.

create table channel (
    id             uuid        primary key,
    code           text        collate "C" not null unique,
    name           text        not null check (char_length(name) between 1 and 200),
    type           text        not null check (type in ('STOREFRONT', 'MARKETPLACE', 'WHOLESALE', 'POS')),
    buffer_units   bigint      not null default 0 check (buffer_units >= 0),
    buffer_percent int         not null default 0 check (buffer_percent between 0 and 100),
    webhook_secret text,
    version        bigint      not null,
    created_at     timestamptz not null,
    created_by     text        not null,
    updated_at     timestamptz not null,
    updated_by     text        not null
);

-- Locations by code: the network module owns the location table, so there is no foreign key into it;
-- the application checks that each code exists when the channel is written.
create table channel_location (
    channel_id    uuid not null references channel (id),
    position      int  not null,
    location_code text not null,
    primary key (channel_id, location_code)
);
