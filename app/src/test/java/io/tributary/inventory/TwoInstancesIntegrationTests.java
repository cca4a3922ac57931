package io.tributary.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.support.Api;
import io.tributary.support.AppInstance;
import io.tributary.support.Fixtures;
import io.tributary.support.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Two application instances on one database reserve the same SKU at once: the database
 * arbitrates, so exactly the stock there is gets reserved, whichever instance took the request.
 */
class TwoInstancesIntegrationTests {

    @Test
    void twoInstancesNeverOversellTheSameSku() throws Exception {
        String url = TestDatabase.freshDatabase();
        try (AppInstance first = AppInstance.start(url, "postgres", "");
             AppInstance second = AppInstance.start(url, "postgres", "")) {
            Fixtures f = new Fixtures(first.admin());
            String sku = f.item();
            String loc = f.location();
            String channel = f.channel(List.of(loc));
            f.stock(sku, loc, 50);
            List<Fixtures> clients = List.of(new Fixtures(first.admin()), new Fixtures(second.admin()));

            AtomicInteger accepted = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 160; i++) {
                Fixtures client = clients.get(i % 2);
                futures.add(pool.submit(() -> {
                    Api.Response r = client.reserve(channel, sku, loc, 1);
                    if (r.status() == 201) {
                        accepted.incrementAndGet();
                    } else {
                        assertThat(r.problemSlug()).as(r.body()).isEqualTo("insufficient-stock");
                        refused.incrementAndGet();
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            pool.shutdown();

            assertThat(accepted.get()).isEqualTo(50);
            assertThat(refused.get()).isEqualTo(110);
            var stock = second.admin().get("/inventory/" + sku).expect(200).json().path("locations").get(0);
            assertThat(stock.path("reserved").asLong()).isEqualTo(50);
            assertThat(stock.path("available").asLong()).isZero();
            assertThat(first.admin().get("/inventory/verify").expect(200).json().path("consistent").asBoolean()).isTrue();
        }
    }
}
