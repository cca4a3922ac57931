package io.tributary.sourcing;

/**
 * A node's daily order capacity ran out between planning and committing a route (another order
 * took the last slot). The caller plans again; the node is then excluded with CAPACITY_REACHED.
 */
public class CapacityTaken extends RuntimeException {

    public CapacityTaken(String location) {
        super("daily order capacity of " + location + " was taken", null, false, false);
    }
}
