package io.tributary.channels;

import java.time.Instant;

/** A channel with its audit trail, as the REST API shows it: whether a webhook secret is set, never the secret. */
public record ChannelDetails(Channel channel, boolean webhookSecretSet, Instant createdAt, String createdBy,
                             Instant updatedAt, String updatedBy) {
}
