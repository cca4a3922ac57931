-- Orders now hold their stock through fulfilments (one reservation per node and shipment, owned by
-- the fulfillment module), so the order-wide reservation and the allocation rows go; a line counts
-- its delivered units besides its shipped ones.
--
-- Orders placed before this held their units through one order-wide reservation. Those units go
-- back to available stock and the lines wait as backordered: the backorder sweep routes them again,
-- now through fulfilments. Every step is recorded in the reservation's and the order's history.

create temporary table order_reservation_released on commit drop as
    select r.id as reservation_id, o.id as order_id, o.status as order_status
    from reservation r join sales_order o on o.reservation_id = r.id
    where r.status = 'ACTIVE';

update inventory_balance b set reserved = b.reserved - x.q, updated_at = now()
from (select rl.item_id, rl.location_id, sum(rl.quantity) as q
      from reservation_line rl join order_reservation_released t on t.reservation_id = rl.reservation_id
      group by rl.item_id, rl.location_id) x
where b.item_id = x.item_id and b.location_id = x.location_id;

update reservation set status = 'RELEASED', updated_at = now(), version = version + 1
where id in (select reservation_id from order_reservation_released);

insert into reservation_history (reservation_id, from_status, to_status, actor, at)
select reservation_id, 'ACTIVE', 'RELEASED', 'system', now() from order_reservation_released;

update sales_order_line set backordered = backordered + allocated, allocated = 0
where allocated > 0 and order_id in (select order_id from order_reservation_released);

insert into sales_order_history (order_id, at, actor, event, from_status, to_status, note)
select order_id, now(), 'system', 'backordered', order_status,
       case when order_status = 'ALLOCATED' then 'BACKORDERED' else order_status end,
       'units given back to stock when fulfilments replaced the order-wide reservation; routed again when the backorder sweep runs'
from order_reservation_released;

update sales_order set status = 'BACKORDERED', updated_at = now(), version = version + 1
where status = 'ALLOCATED' and id in (select order_id from order_reservation_released);

alter table sales_order drop column reservation_id;
drop table sales_order_allocation;
alter table sales_order_line add column delivered bigint not null default 0;
alter table sales_order_line add constraint sales_order_line_delivered_ck check (delivered >= 0 and delivered <= shipped);
-- Nodes that gave lines of the order back (rejection, short pick): never chosen again for it.
alter table sales_order add column declined_locations text[] not null default '{}';
-- Shipped units count too: a line never holds more units than ordered.
alter table sales_order_line add constraint sales_order_line_units_ck check (allocated + backordered + cancelled + shipped <= quantity);
