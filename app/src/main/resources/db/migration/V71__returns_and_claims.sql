-- Return to vendor and supplier claims (ADR 0021). An inspection may release units back to the
-- supplier: they leave stock with a RETURNED_TO_VENDOR movement and are kept as a vendor return
-- against the purchase order line they arrived on. A supplier claim asks the supplier for money
-- for discrepancies of one receipt and for units returned from its inspections; it moves
-- OPEN -> SUBMITTED -> ACCEPTED or REJECTED, and ACCEPTED -> SETTLED, every move kept.

alter table inspection add column returned bigint not null default 0 check (returned >= 0);
alter table inspection add constraint inspection_released_within_quantity check (passed + failed + returned <= quantity);
alter table inspection_release add column returned bigint not null default 0 check (returned >= 0);

create table vendor_return (
    id                  uuid primary key,
    inspection_id       uuid          not null references inspection (id),
    receipt_id          uuid          not null references receipt (id),
    purchase_order_id   uuid          not null references purchase_order (id),
    purchase_order_line int,          -- null for a wrong item, which arrived on no line
    sku                 text          not null,
    location            text          not null,
    quantity            bigint        not null check (quantity > 0),
    returned_at         timestamptz   not null,
    returned_by         text          not null
);
create index vendor_return_receipt_idx on vendor_return (receipt_id);

create table supplier_claim (
    id                  uuid primary key,
    supplier            text          not null,
    purchase_order_id   uuid          not null references purchase_order (id),
    purchase_order_no   text          not null,
    receipt_id          uuid          not null references receipt (id),
    currency            text          not null,
    amount              numeric(19, 4) not null,
    status              text          not null check (status in ('OPEN', 'SUBMITTED', 'ACCEPTED', 'REJECTED', 'SETTLED')),
    note                text,
    created_at          timestamptz   not null,
    created_by          text          not null,
    version             bigint        not null
);
create index supplier_claim_supplier_idx on supplier_claim (supplier, id);
create index supplier_claim_status_idx on supplier_claim (status, id);

create table supplier_claim_line (
    claim_id            uuid          not null references supplier_claim (id),
    line_no             int           not null,
    sku                 text          not null,
    quantity            bigint        not null check (quantity > 0),
    unit_cost           numeric(19, 4) not null,
    amount              numeric(19, 4) not null,
    discrepancy_id      uuid          unique references receipt_discrepancy (id),
    vendor_return_id    uuid          unique references vendor_return (id),
    primary key (claim_id, line_no),
    check ((discrepancy_id is null) <> (vendor_return_id is null))
);

create table supplier_claim_transition (
    claim_id            uuid          not null references supplier_claim (id),
    seq                 bigint generated always as identity,
    from_status         text,
    to_status           text          not null,
    note                text,
    at                  timestamptz   not null,
    actor               text          not null,
    primary key (claim_id, seq)
);
