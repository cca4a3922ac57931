-- Supplier invoices received as EDI 810 (ADR 0016), kept as sent for matching against the purchase
-- order and its receipts later. An invoice number is the supplier's own: unique per supplier. The
-- total is TDS01 and always equals the sum of the line amounts (the reader refuses anything else).

create table supplier_invoice (
    id                  uuid primary key,
    supplier_code       text          not null references supplier (code),
    invoice_number      text          not null,
    purchase_order_id   uuid          not null references purchase_order (id),
    invoice_date        date          not null,
    purchase_order_date date,
    currency            char(3)       not null,
    total               numeric(19,2) not null check (total >= 0),
    interchange_control bigint        not null,
    received_at         timestamptz   not null,
    received_by         text          not null,
    unique (supplier_code, invoice_number)
);
create index supplier_invoice_purchase_order_idx on supplier_invoice (purchase_order_id, id);

create table supplier_invoice_line (
    invoice_id          uuid          not null references supplier_invoice (id),
    line_no             int           not null check (line_no > 0),
    purchase_order_line int           not null,
    sku                 text          not null,
    supplier_sku        text,
    quantity            bigint        not null check (quantity > 0),
    unit                text          not null,
    unit_price          numeric(19,4) not null check (unit_price >= 0),
    amount              numeric(19,2) not null check (amount >= 0),
    primary key (invoice_id, line_no)
);
