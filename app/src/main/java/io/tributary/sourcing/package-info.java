/**
 * Sourcing: chooses the node(s) that fill an order from the channel's eligible locations, using
 * live availability, node capabilities and daily capacity, the distance to the customer, the
 * promised days of the service level and a penalty per extra shipment, under rules set per
 * channel. Every decision is stored with its explanation. It reserves nothing itself: the orders
 * module reserves the chosen plan in the same transaction and asks again if the stock moved.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "shared :: *", "catalog", "network", "channels", "inventory", "access"})
package io.tributary.sourcing;
