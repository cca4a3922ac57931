/**
 * Network: the locations (nodes) that hold or move stock: distribution centres, stores, third-party
 * warehouses, drop-shippers and consolidation centres, each with its capabilities (ship, pickup,
 * receive, transfer), daily order capacity, geography, and how far its reported stock can be trusted
 * ({@code staleAfter}, {@code staleBufferPercent}). Other modules read locations through the cached
 * {@link io.tributary.network.Network} and learn about changes from
 * {@link io.tributary.network.LocationChanged}; the network owns no stock, orders or channel rules.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package io.tributary.network;
