-- Procurement: suppliers with their terms per item, and purchase orders with their lines, approvals
-- and history of transitions. SKUs and location codes are natural keys of other modules, kept as
-- text (no foreign keys across modules).

create table supplier (
    code                text primary key,
    name                text          not null,
    currency            char(3)       not null,
    lead_time_days      integer       not null check (lead_time_days >= 0),
    min_order_value     numeric(19,4) not null check (min_order_value >= 0),
    min_order_quantity  bigint        check (min_order_quantity > 0),
    payment_terms       text          not null,
    incoterms           text          not null,
    version             bigint        not null,
    created_at          timestamptz   not null,
    created_by          text          not null,
    updated_at          timestamptz   not null,
    updated_by          text          not null
);

create table supplier_item (
    supplier_code       text          not null references supplier (code),
    sku                 text          not null,
    supplier_sku        text          not null,
    unit_cost           numeric(19,4) not null check (unit_cost >= 0),
    case_pack           bigint        not null check (case_pack > 0),
    min_order_quantity  bigint        not null check (min_order_quantity >= 0),
    lead_time_days      integer       check (lead_time_days >= 0),
    is_primary          boolean       not null,
    updated_at          timestamptz   not null,
    updated_by          text          not null,
    primary key (supplier_code, sku)
);
-- At most one primary supplier per SKU, whatever the concurrency.
create unique index supplier_item_one_primary_idx on supplier_item (sku) where is_primary;

create sequence purchase_order_number_seq;

create table purchase_order (
    id                  uuid primary key,
    number              text          not null unique,
    supplier_code       text          not null references supplier (code),
    location            text          not null,
    currency            char(3)       not null,
    status              text          not null,
    total               numeric(19,4) not null,
    approval_round      integer       not null,
    required_approvals  integer       not null,
    created_at          timestamptz   not null,
    created_by          text          not null,
    changed_at          timestamptz   not null,
    changed_by          text          not null,
    updated_at          timestamptz   not null,
    version             bigint        not null
);
create index purchase_order_status_idx on purchase_order (status, id);
create index purchase_order_supplier_idx on purchase_order (supplier_code, id);

create table purchase_order_line (
    purchase_order_id   uuid          not null references purchase_order (id),
    line_no             integer       not null,
    sku                 text          not null,
    quantity            bigint        not null check (quantity > 0),
    unit_cost           numeric(19,4) not null check (unit_cost >= 0),
    expected_date       date          not null,
    confirmed_quantity  bigint        check (confirmed_quantity >= 0),
    promised_date       date,
    primary key (purchase_order_id, line_no)
);

-- Approvals given, per approval round (a rejection sends the PO back to DRAFT; the next submit starts
-- a new round and earlier approvals no longer count). One approval per person and round.
create table purchase_order_approval (
    purchase_order_id   uuid          not null references purchase_order (id),
    round               integer       not null,
    approver            text          not null,
    at                  timestamptz   not null,
    primary key (purchase_order_id, round, approver)
);

create table purchase_order_history (
    purchase_order_id   uuid          not null,
    seq                 bigint        generated always as identity,
    at                  timestamptz   not null,
    actor               text          not null,
    event               text          not null,
    from_status         text,
    to_status           text          not null,
    note                text,
    primary key (purchase_order_id, seq)
);
