/**
 * Channels: the sales channels (storefronts, marketplaces, wholesale, point of sale) that sell the
 * network's stock, with the locations each may sell from (none listed: every active location that can
 * ship), the allocation buffers held back from its availability, and the secret that verifies its
 * inbound webhooks. Other modules read channels through the cached {@link io.tributary.channels.Channels}
 * and learn about changes from {@link io.tributary.channels.ChannelChanged}; the channels module owns
 * neither the locations themselves (it names them by code) nor the API keys that act for a channel.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "network"})
package io.tributary.channels;
