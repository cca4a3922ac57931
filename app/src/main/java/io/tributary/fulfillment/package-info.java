/**
 * Fulfilment: the work a node does for an order. Each fulfilment is one node's share of one order,
 * holding its units through one inventory reservation; it waits until its node has release
 * capacity for the day (highest priority first), then moves through picking, packing and shipping
 * to delivery, or for a store pickup to ready, collected, or back to stock when not collected by the
 * deadline. A node may reject a fulfilment or report a short pick; the orders module reroutes what
 * was given back. It does not own orders or the choice of nodes.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "shared :: *", "catalog", "network", "channels", "inventory", "sourcing", "exceptions", "access"})
package io.tributary.fulfillment;
