package workbook.stampede;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.Redis;
import workbook.labkit.testing.CountingDataSource;
import workbook.labkit.testing.Task;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Hidden: the fix for one hot key must not make every other key wait, and a failed load must not stick. */
@Task(1)
class HiddenTask1CacheAsideTest {
    @RegisterExtension
    static final Postgres db = Postgres.freshDatabase();
    @RegisterExtension
    static final Redis redis = Redis.isolated();

    static CountingDataSource database;

    @BeforeAll
    static void createTable() throws Exception {
        HikariDataSource pool = db.newPool(config -> config.setMaximumPoolSize(10));
        TopWidgets.createTable(pool);
        database = new CountingDataSource(pool);
    }

    @BeforeEach
    void resetCounter() {
        database.reset();
    }

    @Test
    void aSlowLoadForOneKeyDoesNotBlockMissesForAnother() throws Exception {
        TopWidgets widgets = new TopWidgets(database, Duration.ZERO);
        CountDownLatch slowStarted = new CountDownLatch(1);
        CountDownLatch finishSlow = new CountDownLatch(1);
        CacheAside cache = new CacheAside(Support.ownConnection(redis), key -> {
            if (key.equals("widgets:slow")) {
                slowStarted.countDown();
                finishSlow.await();
            }
            return widgets.load(key);
        }, Duration.ofSeconds(10));

        Callers<String> slow = Callers.start(1, () -> cache.get("widgets:slow"));
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> slowStarted.getCount() == 0 || slow.allFinished());
            List<Callers.Outcome<String>> other = Callers.start(1, () -> cache.get("widgets:top")).outcomes(Duration.ofSeconds(3),
                    "a miss for widgets:top waited more than 3 s while widgets:slow was loading: one lock for the whole "
                            + "cache (a synchronized get) stops the stampede but makes every key wait for the slowest one");
            assertThat(other.get(0).value()).isEqualTo("widgets:top=gear,bolt,nut");
        } finally {
            finishSlow.countDown();
        }
        assertThat(slow.outcomes(Duration.ofSeconds(5)).get(0).value()).isEqualTo("widgets:slow=gear,bolt,nut");
    }

    @Test
    void aFailedLoadIsNotCached() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        TopWidgets widgets = new TopWidgets(database, Duration.ZERO);
        CacheAside cache = new CacheAside(Support.ownConnection(redis), key -> {
            if (calls.incrementAndGet() == 1) {
                throw new IOException("database is down");
            }
            return widgets.load(key);
        }, Duration.ofSeconds(10));

        assertThatThrownBy(() -> cache.get(Support.KEY)).isInstanceOf(IOException.class);
        assertThat(redis.commands().exists(Support.KEY)).as("keys written after a failed load").isZero();
        assertThat(cache.get(Support.KEY)).as("the next request after a failed load loads again").isEqualTo(Support.FIRST_VALUE);
    }
}
