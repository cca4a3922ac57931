package io.tributary.network;

/** What kind of node a location is. */
public enum LocationType {
    DC, STORE, THIRD_PARTY, DROP_SHIP, CONSOLIDATION_CENTER
}
