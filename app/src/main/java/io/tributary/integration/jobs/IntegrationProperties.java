package io.tributary.integration.jobs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the outbox and the webhook sender, bound from {@code tributary.integration.*}.
 *
 * @param outboxRetention how long delivered events are kept (for replays) before retention deletes them
 * @param retentionInterval how often retention runs
 * @param webhooks the sender's settings
 */
@ConfigurationProperties("tributary.integration")
record IntegrationProperties(@DefaultValue("P7D") Duration outboxRetention,
                             @DefaultValue("1h") Duration retentionInterval,
                             @DefaultValue Webhooks webhooks) {

    /**
     * @param pollInterval how often the sender looks for due deliveries when nobody woke it
     * @param batchSize most deliveries claimed per query
     * @param concurrency most deliveries in flight per instance (each on a virtual thread)
     * @param connectTimeout how long to wait for the subscriber's connection
     * @param responseTimeout how long to wait for the subscriber's answer once the request is sent
     * @param lease how long a claimed delivery is left to this instance before another may try it
     * @param maxAttempts attempts before a delivery is parked as DEAD
     * @param initialBackoff delay after the first failure, doubled per failure
     * @param maxBackoff the cap of that delay
     */
    record Webhooks(@DefaultValue("500ms") Duration pollInterval,
                    @DefaultValue("100") int batchSize,
                    @DefaultValue("32") int concurrency,
                    @DefaultValue("5s") Duration connectTimeout,
                    @DefaultValue("10s") Duration responseTimeout,
                    @DefaultValue("60s") Duration lease,
                    @DefaultValue("15") int maxAttempts,
                    @DefaultValue("5s") Duration initialBackoff,
                    @DefaultValue("15m") Duration maxBackoff) {
    }
}
