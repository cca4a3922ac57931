-- Integration: the transactional outbox of external events and their webhook deliveries.

-- True when an event type matches one of a subscription's patterns: '*' (everything), an exact
-- type ('order.shipped') or a prefix ending in '.*' ('order.*' matches 'order.shipped').
create function webhook_matches(patterns text[], event_type text) returns boolean
    language sql immutable parallel safe as $$
    select exists (select 1 from unnest(patterns) p
                   where p = '*' or p = event_type
                      or (right(p, 2) = '.*' and starts_with(event_type, left(p, -1))))
$$;

create table webhook_subscription (
    id          uuid        primary key,
    url         text        not null,
    event_types text[]      not null check (cardinality(event_types) > 0),
    -- Stored as given: the HMAC key must be usable; it is never returned by the API.
    secret      text        not null,
    description text,
    active      boolean     not null,
    created_at  timestamptz not null,
    created_by  text        not null,
    updated_at  timestamptz not null,
    version     bigint      not null default 0
);

-- One row per external event, written in the transaction that made the change. The sequence is
-- assigned at insert time, just before commit, while the publisher still holds its aggregate's row
-- locks: per aggregate, sequence order is commit order (ADR 0010).
create table outbox_event (
    sequence       bigserial   primary key,
    id             uuid        not null unique,
    type           text        not null,
    version        int         not null,
    aggregate_type text        not null,
    aggregate_id   text        not null,
    occurred_at    timestamptz not null,
    -- json, not jsonb: the record's components keep their declared order in what subscribers get.
    payload        json        not null
);
create index outbox_event_occurred_idx on outbox_event (occurred_at);

-- One attempt chain of one event to one subscription. A replay adds a new chain for the same event.
create table webhook_delivery (
    id               bigserial   primary key,
    subscription_id  uuid        not null references webhook_subscription (id),
    event_sequence   bigint      not null references outbox_event (sequence) on delete cascade,
    event_id         uuid        not null,
    event_type       text        not null,
    aggregate_type   text        not null,
    aggregate_id     text        not null,
    status           text        not null check (status in ('PENDING', 'DELIVERED', 'DEAD')),
    attempts         int         not null default 0,
    next_attempt_at  timestamptz not null,
    last_attempt_at  timestamptz,
    last_status_code int,
    last_error       text,
    replay           boolean     not null default false,
    created_at       timestamptz not null,
    finished_at      timestamptz
);
-- The sender's work queue: due deliveries.
create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where status = 'PENDING';
-- "Is an earlier delivery of this aggregate to this subscription still pending?"
create index webhook_delivery_chain_idx on webhook_delivery (subscription_id, aggregate_type, aggregate_id, event_sequence)
    where status = 'PENDING';
-- Listing a subscription's deliveries, newest first, and retention's "still needed?" check.
create index webhook_delivery_subscription_idx on webhook_delivery (subscription_id, id desc);
create index webhook_delivery_event_idx on webhook_delivery (event_sequence);
