-- Replenishment: the planner's policy per item and location, the runs that applied them, and the
-- proposals each run made. A proposal stays OPEN until a buyer accepts it (it becomes a line of a
-- DRAFT purchase order), dismisses it, or a later run replaces it (SUPERSEDED).

create table replenishment_policy (
    sku                       text          not null,
    location                  text          not null,
    method                    text          not null,
    reorder_point             bigint        check (reorder_point >= 0),
    order_up_to               bigint        check (order_up_to >= 0),
    min_level                 bigint        check (min_level >= 0),
    max_level                 bigint        check (max_level >= 0),
    days_of_cover             integer       check (days_of_cover > 0),
    service_level             numeric(6,5)  check (service_level > 0 and service_level < 1),
    lead_time_deviation_days  numeric(9,3)  check (lead_time_deviation_days >= 0),
    daily_demand              numeric(19,4) check (daily_demand >= 0),
    daily_demand_deviation    numeric(19,4) check (daily_demand_deviation >= 0),
    round_to_pallets          boolean       not null,
    version                   bigint        not null,
    updated_at                timestamptz   not null,
    updated_by                text          not null,
    primary key (sku, location)
);

create table replenishment_run (
    id            uuid primary key,
    started_at    timestamptz not null,
    started_by    text        not null,
    policies      integer     not null,
    proposals     integer     not null
);

create table replenishment_proposal (
    id                  uuid primary key,
    run_id              uuid          not null references replenishment_run (id),
    sku                 text          not null,
    location            text          not null,
    supplier_code       text          not null references supplier (code),
    method              text          not null,
    projected           bigint        not null,
    safety_stock        bigint        not null,
    need                bigint        not null,
    quantity            bigint        not null check (quantity > 0),
    explanation         text          not null,
    status              text          not null,
    purchase_order_id   uuid          references purchase_order (id),
    created_at          timestamptz   not null,
    decided_at          timestamptz,
    decided_by          text,
    version             bigint        not null
);
-- One open proposal per item and location: a run supersedes what the previous one left open.
create unique index replenishment_proposal_open_idx on replenishment_proposal (sku, location) where status = 'OPEN';
create index replenishment_proposal_status_idx on replenishment_proposal (status, id);
