-- Advance ship notices (ADR 0019): what a supplier says is on its way against a purchase order, line
-- by line. Units shipped and not yet received are in transit; they stay part of the order's open
-- quantity and are not posted to the stock ledger. A receipt against a notice counts against its lines.

create table asn (
    id                  uuid primary key,
    purchase_order_id   uuid          not null references purchase_order (id),
    purchase_order_no   text          not null,
    location            text          not null,
    shipment_id         text          not null,
    expected_at         timestamptz   not null,
    carrier             text,
    status              text          not null check (status in ('IN_TRANSIT', 'PARTIALLY_RECEIVED', 'RECEIVED')),
    created_at          timestamptz   not null,
    created_by          text          not null,
    unique (purchase_order_id, shipment_id)
);
create index asn_purchase_order_idx on asn (purchase_order_id, id);

create table asn_line (
    asn_id              uuid          not null references asn (id),
    line_no             int           not null,
    po_line_no          int           not null,
    sku                 text          not null,
    quantity            bigint        not null check (quantity > 0),
    received            bigint        not null default 0 check (received >= 0),
    lot                 text,
    expiry              date,
    primary key (asn_id, line_no)
);

alter table receipt add column asn_id uuid references asn (id);
