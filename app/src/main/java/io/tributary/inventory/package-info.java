/**
 * Inventory: the single truth about stock. Owns the append-only ledger of movements, the balances
 * per item, location and status that the ledger sums to, reservations (all lines or none, never
 * oversold, expiring by themselves), availability per channel (ATS after reservations, channel
 * buffers and stale-node buffers, kits limited by their scarcest component), cycle counts with
 * approval beyond tolerance, and reconciliation of nodes' stock snapshots. It does not own items,
 * locations or channels: it reads them through the catalog, network and channels APIs.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "shared :: *", "catalog", "network", "channels", "access"})
package io.tributary.inventory;
