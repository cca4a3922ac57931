package io.tributary.channels;

import java.util.Optional;

/** The channels' public face, read through a short-lived cache. */
public interface Channels {

    Optional<Channel> find(ChannelCode code);

    /** The secret that verifies this channel's inbound webhooks, if one is set. */
    Optional<String> webhookSecret(ChannelCode code);
}
