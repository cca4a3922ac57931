package io.tributary.channels;

import java.util.UUID;

/**
 * A channel was created or changed (including only its webhook secret); {@code version} is its new
 * version. Published in the transaction of the change; never carries the secret.
 */
public record ChannelChanged(UUID channelId, ChannelCode code, long version) {
}
