-- Receiving against purchase orders (ADR 0017). A purchase order line counts what has arrived for
-- it; a receipt keeps what was counted at the dock, line by line, with the discrepancies found and
-- the exception case each one raised. Units that must be inspected wait in an inspection until
-- released as passed (available) or failed (damaged); every release is kept.

alter table purchase_order_line add column received_quantity bigint not null default 0 check (received_quantity >= 0);

create table receipt (
    id                  uuid primary key,
    purchase_order_id   uuid          not null references purchase_order (id),
    purchase_order_no   text          not null,
    location            text          not null,
    complete            boolean       not null,
    purchase_order_status text        not null,
    note                text,
    received_at         timestamptz   not null,
    received_by         text          not null
);
create index receipt_purchase_order_idx on receipt (purchase_order_id, id);

create table receipt_line (
    receipt_id          uuid          not null references receipt (id),
    line_no             int           not null,
    sku                 text          not null,
    quantity            bigint        not null check (quantity >= 0),
    damaged             bigint        not null check (damaged >= 0 and damaged <= quantity),
    lot                 text,
    expiry              date,
    disposition         text          not null check (disposition in ('AVAILABLE', 'INSPECTION', 'NOT_POSTED')),
    primary key (receipt_id, line_no)
);

-- The purchase order lines still open right after the receipt, as the dock saw them.
create table receipt_open_line (
    receipt_id          uuid          not null references receipt (id),
    line_no             int           not null,
    sku                 text          not null,
    expected            bigint        not null,
    received            bigint        not null,
    primary key (receipt_id, line_no)
);

create table receipt_discrepancy (
    id                  uuid primary key,
    receipt_id          uuid          not null references receipt (id),
    kind                text          not null check (kind in ('SHORT', 'OVER', 'DAMAGED', 'WRONG_ITEM', 'UNKNOWN_ITEM')),
    sku                 text          not null,
    expected            bigint,
    quantity            bigint        not null,
    exception_case_id   uuid          not null
);
create index receipt_discrepancy_receipt_idx on receipt_discrepancy (receipt_id);

create table inspection (
    id                  uuid primary key,
    receipt_id          uuid          not null references receipt (id),
    sku                 text          not null,
    location            text          not null,
    quantity            bigint        not null check (quantity > 0),
    passed              bigint        not null default 0 check (passed >= 0),
    failed              bigint        not null default 0 check (failed >= 0),
    created_at          timestamptz   not null,
    version             bigint        not null,
    check (passed + failed <= quantity)
);
create index inspection_receipt_idx on inspection (receipt_id);

create table inspection_release (
    inspection_id       uuid          not null references inspection (id),
    seq                 bigint generated always as identity,
    passed              bigint        not null check (passed >= 0),
    failed              bigint        not null check (failed >= 0),
    at                  timestamptz   not null,
    actor               text          not null,
    primary key (inspection_id, seq)
);
