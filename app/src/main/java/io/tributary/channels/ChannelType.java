package io.tributary.channels;

/** Kinds of sales channel. */
public enum ChannelType {
    STOREFRONT, MARKETPLACE, WHOLESALE, POS
}
