-- EDI X12 with suppliers (ADR 0016): a supplier's own interchange id, and every interchange sent or
-- received with its control number. Outbound control numbers come from one sequence, so they are
-- unique and increasing across instances and restarts.

alter table supplier add column edi_id text check (edi_id is null or length(edi_id) between 1 and 15);

create sequence edi_interchange_control_seq maxvalue 999999999;

create table edi_interchange (
    id                  uuid primary key,
    direction           text          not null check (direction in ('OUT', 'IN')),
    transaction_set     text          not null,
    control_number      bigint        not null,
    partner_id          text          not null,
    purchase_order_id   uuid          not null references purchase_order (id),
    at                  timestamptz   not null,
    actor               text          not null
);
create unique index edi_interchange_out_control_idx on edi_interchange (control_number) where direction = 'OUT';
create index edi_interchange_purchase_order_idx on edi_interchange (purchase_order_id, at);
