-- Supplier performance (ADR 0020): every receipt against a purchase order line is kept with its
-- quantity and moment, so on-time delivery and lead times are computed from what happened rather
-- than from the running total on the line. Receipts recorded before this migration have no rows.

create table purchase_order_line_receipt (
    purchase_order_id   uuid          not null,
    line_no             integer       not null,
    seq                 bigint        generated always as identity,
    quantity            bigint        not null check (quantity > 0),
    received_at         timestamptz   not null,
    reference           text          not null,
    primary key (purchase_order_id, line_no, seq),
    foreign key (purchase_order_id, line_no) references purchase_order_line (purchase_order_id, line_no)
);

-- Finding the lines whose promised date has passed with units still open.
create index purchase_order_line_promised_idx on purchase_order_line (promised_date)
    where promised_date is not null and received_quantity < confirmed_quantity;
