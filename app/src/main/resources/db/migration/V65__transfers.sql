-- Transfer orders between nodes. A transfer is drafted, shipped (its units leave the source and
-- wait in transit at the destination) and received at the destination, once or in parts, with the
-- same discrepancy handling as receipts against purchase orders. Inspections now hold units of
-- either a receipt or a transfer receipt.

create table transfer_order (
    id                  uuid primary key,
    from_location       text          not null,
    to_location         text          not null,
    status              text          not null check (status in ('DRAFT', 'SHIPPED', 'PARTIALLY_RECEIVED', 'RECEIVED', 'CANCELLED')),
    note                text,
    created_at          timestamptz   not null,
    created_by          text          not null,
    shipped_at          timestamptz,
    shipped_by          text,
    check (from_location <> to_location)
);
create index transfer_order_status_idx on transfer_order (status, id);

create table transfer_line (
    transfer_id         uuid          not null references transfer_order (id),
    line_no             int           not null,
    sku                 text          not null,
    quantity            bigint        not null check (quantity > 0),
    received            bigint        not null default 0 check (received >= 0),
    primary key (transfer_id, line_no),
    unique (transfer_id, sku)
);

create table transfer_receipt (
    id                  uuid primary key,
    transfer_id         uuid          not null references transfer_order (id),
    complete            boolean       not null,
    note                text,
    received_at         timestamptz   not null,
    received_by         text          not null
);
create index transfer_receipt_transfer_idx on transfer_receipt (transfer_id, id);

create table transfer_receipt_line (
    receipt_id          uuid          not null references transfer_receipt (id),
    line_no             int           not null,
    sku                 text          not null,
    quantity            bigint        not null check (quantity >= 0),
    damaged             bigint        not null check (damaged >= 0 and damaged <= quantity),
    disposition         text          not null check (disposition in ('AVAILABLE', 'INSPECTION', 'NOT_POSTED')),
    primary key (receipt_id, line_no)
);

create table transfer_discrepancy (
    id                  uuid primary key,
    receipt_id          uuid          not null references transfer_receipt (id),
    kind                text          not null check (kind in ('SHORT', 'OVER', 'DAMAGED', 'WRONG_ITEM', 'UNKNOWN_ITEM')),
    sku                 text          not null,
    expected            bigint,
    quantity            bigint        not null,
    exception_case_id   uuid          not null
);
create index transfer_discrepancy_receipt_idx on transfer_discrepancy (receipt_id);

alter table inspection alter column receipt_id drop not null;
alter table inspection add column transfer_receipt_id uuid references transfer_receipt (id);
alter table inspection add constraint inspection_one_source check ((receipt_id is null) <> (transfer_receipt_id is null));
create index inspection_transfer_receipt_idx on inspection (transfer_receipt_id);
