-- The transfer orders a consolidated purchase order's distribution plan became, receipt by receipt:
-- for every goods receipt at the consolidation centre, what each location was sent of each SKU and the
-- need the re-balance weighed it by (ADR 0018). The transfers themselves belong to receiving; this is
-- procurement's record of the link, so the plan can show where its goods went.
create table distribution_transfer (
    purchase_order_id   uuid        not null references consolidation (purchase_order_id),
    receipt_id          uuid        not null,
    transfer_id         uuid        not null,
    location            text        not null,
    sku                 text        not null,
    need                bigint      not null check (need >= 0),
    quantity            bigint      not null check (quantity > 0),
    created_at          timestamptz not null,
    primary key (transfer_id, sku)
);
create index distribution_transfer_po_idx on distribution_transfer (purchase_order_id);
