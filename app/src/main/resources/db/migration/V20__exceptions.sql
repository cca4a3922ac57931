-- Exceptions: one queue of cases for people to work, with the history of every transition.
-- entity_type/entity_id name the thing a case concerns in another module (an order, a fulfilment,
-- a webhook subscription, a purchase order); they are references, not foreign keys.

create table exception_case (
    id                uuid        primary key,
    type              text        not null,
    severity          text        not null check (severity in ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    status            text        not null check (status in ('OPEN', 'ASSIGNED', 'RESOLVED')),
    entity_type       text        not null,
    entity_id         text        not null,
    owner_role        text        not null,
    summary           text        not null,
    details           jsonb,
    raised_at         timestamptz not null,
    raised_by         text        not null,
    occurrences       int         not null default 1 check (occurrences >= 1),
    last_raised_at    timestamptz not null,
    due_at            timestamptz not null,
    assignee          text,
    assigned_at       timestamptz,
    escalation_level  int         not null default 0 check (escalation_level >= 0),
    escalated_at      timestamptz,
    resolution_note   text,
    resolution_action text,
    resolved_by       text,
    resolved_at       timestamptz,
    version           bigint      not null default 0,
    check ((status = 'RESOLVED') = (resolved_at is not null)),
    check (status <> 'ASSIGNED' or assignee is not null)
);

-- The dedupe key: at most one unresolved case per (type, entity), whatever the number of instances.
-- Raising inserts with "on conflict do nothing" against this index and otherwise joins the open case.
create unique index exception_case_open_key on exception_case (type, entity_type, entity_id) where status <> 'RESOLVED';
-- The list's order (most urgent first, stable cursor) and the escalation job's scan of due cases.
create index exception_case_queue_idx on exception_case (due_at, id);
create index exception_case_due_idx on exception_case (due_at) where status <> 'RESOLVED';
create index exception_case_entity_idx on exception_case (entity_type, entity_id);

create table exception_history (
    seq         bigint      generated always as identity primary key,
    case_id     uuid        not null references exception_case (id),
    at          timestamptz not null,
    actor       text        not null,
    event       text        not null check (event in ('RAISED', 'RAISED_AGAIN', 'ASSIGNED', 'ESCALATED', 'RESOLVED')),
    from_status text,
    to_status   text        not null,
    note        text
);
create index exception_history_case_idx on exception_history (case_id, seq);
