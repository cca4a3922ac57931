-- Catalog: items with their pack hierarchy, and kit components (a bill of materials).
-- SKUs are case-sensitive and ordered bytewise ("C" collation) so keyset pagination is stable.

create table item (
    id                  uuid        primary key,
    sku                 text        collate "C" not null unique,
    name                text        not null check (char_length(name) between 1 and 200),
    units_per_case      int         not null check (units_per_case between 1 and 100000),
    cases_per_pallet    int         not null check (cases_per_pallet between 1 and 10000),
    inspection_required boolean     not null,
    lot_tracked         boolean     not null,
    version             bigint      not null,
    created_at          timestamptz not null,
    created_by          text        not null,
    updated_at          timestamptz not null,
    updated_by          text        not null
);

-- Acyclicity, nesting depth and exploded quantities are checked by the application under an
-- advisory lock; the table can only forbid the direct self-reference.
create table item_component (
    kit_id       uuid not null references item (id),
    component_id uuid not null references item (id),
    quantity     int  not null check (quantity between 1 and 100000),
    position     int  not null,
    primary key (kit_id, component_id),
    check (kit_id <> component_id)
);
create index item_component_component_idx on item_component (component_id);
