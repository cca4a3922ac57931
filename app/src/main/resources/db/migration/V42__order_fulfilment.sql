-- Orders now hold their stock through fulfilments (one reservation per node and shipment, owned by
-- the fulfillment module), so the order-wide reservation and the allocation rows go; a line counts
-- its delivered units besides its shipped ones.

alter table sales_order drop column reservation_id;
drop table sales_order_allocation;
alter table sales_order_line add column delivered bigint not null default 0;
alter table sales_order_line add constraint sales_order_line_delivered_ck check (delivered >= 0 and delivered <= shipped);
-- Nodes that gave lines of the order back (rejection, short pick): never chosen again for it.
alter table sales_order add column declined_locations text[] not null default '{}';
-- Shipped units count too: a line never holds more units than ordered.
alter table sales_order_line add constraint sales_order_line_units_ck check (allocated + backordered + cancelled + shipped <= quantity);
