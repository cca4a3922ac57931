package io.tributary.network;

/** What a location can do: ship orders, hand over pickups, receive goods, send transfers. */
public enum Capability {
    SHIP, PICKUP, RECEIVE, TRANSFER
}
