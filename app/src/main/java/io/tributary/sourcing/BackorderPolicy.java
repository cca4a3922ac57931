package io.tributary.sourcing;

/** What a channel wants when no eligible node can fill a line: wait for stock, or refuse the order. */
public enum BackorderPolicy {
    BACKORDER, REFUSE
}
