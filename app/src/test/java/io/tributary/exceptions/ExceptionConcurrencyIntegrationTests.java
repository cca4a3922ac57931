package io.tributary.exceptions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Many raises of the same cause at once end in one case that counts them all. */
class ExceptionConcurrencyIntegrationTests extends ExceptionsTestSupport {

    @Test
    void concurrentRaisesOfTheSameCauseCreateExactlyOneCase() throws Exception {
        int threads = 16;
        for (int round = 0; round < 3; round++) {
            String order = entity("order");
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<UUID>> futures = new ArrayList<>();
            try {
                for (int i = 0; i < threads; i++) {
                    futures.add(pool.submit(() -> {
                        start.await();
                        return raise(ExceptionType.ROUTING_FAILED, "order", order).id();
                    }));
                }
                start.countDown();
                Set<UUID> ids = new HashSet<>();
                for (Future<UUID> f : futures) {
                    ids.add(f.get(60, TimeUnit.SECONDS));
                }
                assertThat(ids).hasSize(1);
                JsonNode items = admin().get("/exceptions?entityType=order&entityId=" + order).expect(200).json().path("items");
                assertThat(items).hasSize(1);
                assertThat(items.get(0).path("occurrences").asInt()).isEqualTo(threads);
                JsonNode read = admin().get("/exceptions/" + ids.iterator().next()).expect(200).json();
                assertThat(read.path("history")).hasSize(threads);
                assertThat(eventsOf(ids.iterator().next().toString())).containsExactly("exception.raised");
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
