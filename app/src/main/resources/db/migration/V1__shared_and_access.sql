-- Shared kernel: idempotency records and the event publication registry (transactional outbox).

create table idempotency_key (
    principal       text        not null,
    key             text        not null,
    operation       text        not null,
    request_hash    text        not null,
    state           text        not null check (state in ('IN_PROGRESS', 'COMPLETE')),
    locked_until    timestamptz,
    response_status int,
    response_type   text,
    response_body   text,
    created_at      timestamptz not null,
    primary key (principal, key)
);
create index idempotency_key_created_idx on idempotency_key (created_at);

-- Spring Modulith's JDBC event publication registry (schema v2), owned by our migrations.
create table event_publication (
    id                     uuid        not null primary key,
    listener_id            text        not null,
    event_type             text        not null,
    serialized_event       text        not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);

create table event_publication_archive (
    id                     uuid        not null primary key,
    listener_id            text        not null,
    event_type             text        not null,
    serialized_event       text        not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
create index event_publication_archive_serialized_event_hash_idx on event_publication_archive using hash (serialized_event);
create index event_publication_archive_by_completion_date_idx on event_publication_archive (completion_date);

create table app_setting (
    name  text primary key,
    value text not null
);

-- Access: people (HTTP Basic) and API keys (Bearer).
create table app_user (
    id            uuid        primary key,
    username      text        not null unique,
    password_hash text        not null,
    roles         text[]      not null,
    locations     text[]      not null default '{}',
    enabled       boolean     not null default true,
    created_at    timestamptz not null,
    created_by    text        not null
);

create table api_key (
    id          uuid        primary key,
    name        text        not null,
    prefix      text        not null,
    token_hash  text        not null unique,
    role        text        not null,
    channel     text,
    enabled     boolean     not null default true,
    created_at  timestamptz not null,
    created_by  text        not null,
    check (role <> 'CHANNEL' or channel is not null)
);
