/**
 * Orders: intake from every channel (the same channel order twice is one order), validation and
 * holds (payment, fraud, risk, address) released or cancelled by a person, routing through the
 * sourcing module with the stock reserved in the same transaction, order and line state derived
 * from allocations, backorders, cancellations and shipments, and the full history of transitions.
 * It does not own stock (inventory), the choice of nodes (sourcing) or the work at the nodes
 * (fulfillment): it opens fulfilments and follows their events.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "shared :: *", "catalog", "network", "channels", "inventory", "sourcing", "fulfillment", "exceptions", "access"})
package io.tributary.orders;
