-- Consolidated purchase orders: one order to a consolidation centre for the summed need of several
-- locations, the savings against one order per location, each SKU's consolidated line with its
-- explanation, and the distribution plan that shares the order out to the locations (ADR 0018).

create table consolidation (
    purchase_order_id           uuid primary key references purchase_order (id),
    supplier_code               text        not null references supplier (code),
    consolidation_centre        text        not null,
    separate_purchase_orders    integer     not null,
    separate_shipments          integer     not null,
    separate_pallets            bigint      not null,
    pallets                     bigint      not null,
    separate_units              bigint      not null,
    units                       bigint      not null,
    created_at                  timestamptz not null,
    created_by                  text        not null
);

create table consolidation_line (
    purchase_order_id   uuid    not null references consolidation (purchase_order_id),
    sku                 text    not null,
    need                bigint  not null check (need >= 0),
    quantity            bigint  not null check (quantity > 0),
    explanation         text    not null,
    primary key (purchase_order_id, sku)
);

create table distribution_plan_line (
    purchase_order_id   uuid    not null,
    sku                 text    not null,
    location            text    not null,
    need                bigint  not null check (need >= 0),
    quantity            bigint  not null check (quantity >= 0),
    primary key (purchase_order_id, sku, location),
    foreign key (purchase_order_id, sku) references consolidation_line (purchase_order_id, sku)
);
-- what is planned for a location counts as on order there while the purchase order is open
create index distribution_plan_line_location_idx on distribution_plan_line (location, sku);
