package workbook.pooling;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.Toxi;
import workbook.labkit.testing.Task;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@Task(5)
class Task5PoolPerEndpointTest {
    @RegisterExtension
    static final Postgres db = LabDatabase.fresh();
    @RegisterExtension
    static final Toxi toxi = Toxi.create();

    static final int WRITE_CONNECTIONS = 2;
    static final int READ_CONNECTIONS = 4;
    static final int SLOW_READS = 12;
    static final Duration SLOW_READ = Duration.ofMillis(300);
    static final int WRITES = 10;

    @BeforeAll
    static void events() throws Exception {
        LabDatabase.setUp(db, connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("create table events (id bigserial primary key, at timestamptz not null default now())");
            }
        });
    }

    /** The primary, and a replica: here the same server behind another address (a Toxiproxy proxy). */
    static Endpoint primary() {
        return LabDatabase.direct(db);
    }

    static Endpoint replica() {
        return LabDatabase.through(db, toxi.postgres(db), "replica");
    }

    static void write(DataSource pool) throws Exception {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("insert into events default values");
        }
    }

    static void slowRead(DataSource pool) throws Exception {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("select pg_sleep(" + SLOW_READ.toMillis() / 1000.0 + ") /* analytics */");
        }
    }

    /** The time in ms that WRITES writes take, one after the other. */
    static double writesMillis(DataSource writes) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < WRITES; i++) {
            write(writes);
        }
        return (System.nanoTime() - start) / 1e6;
    }

    @Test
    void eachEndpointHasItsOwnPool() {
        Endpoint primary = primary();
        Endpoint replica = replica();
        try (EndpointPools pools = PoolLayout.create(primary, replica, WRITE_CONNECTIONS, READ_CONNECTIONS)) {
            assertThat(pools.writes()).as("the write pool and the read pool: one pool per endpoint").isNotSameAs(pools.reads());
            HikariDataSource writes = (HikariDataSource) pools.writes();
            HikariDataSource reads = (HikariDataSource) pools.reads();
            assertThat(writes.getJdbcUrl()).as("JDBC URL of the write pool: the primary's").isEqualTo(primary.jdbcUrl());
            assertThat(reads.getJdbcUrl()).as("JDBC URL of the read pool: the replica's").isEqualTo(replica.jdbcUrl());
            assertThat(writes.getMaximumPoolSize()).as("size of the write pool").isEqualTo(WRITE_CONNECTIONS);
            assertThat(reads.getMaximumPoolSize()).as("size of the read pool").isEqualTo(READ_CONNECTIONS);
        }
    }

    @Test
    void aBurstOfSlowReadsDoesNotHoldUpTheWrites() throws Exception {
        ExecutorService analysts = Executors.newFixedThreadPool(SLOW_READS);
        try (EndpointPools pools = PoolLayout.create(primary(), replica(), WRITE_CONNECTIONS, READ_CONNECTIONS)) {
            write(pools.writes()); // warm up
            double quiet = writesMillis(pools.writes());

            List<CompletableFuture<Void>> burst = new ArrayList<>();
            for (int i = 0; i < SLOW_READS; i++) {
                burst.add(CompletableFuture.runAsync(() -> {
                    try {
                        slowRead(pools.reads());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, analysts));
            }
            await("the slow reads running in PostgreSQL").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10)).until(() -> LabDatabase.count(db,
                    "select count(*) from pg_stat_activity where query like '%analytics%' and state = 'active' "
                            + "and pid <> pg_backend_pid()") >= READ_CONNECTIONS);
            double duringBurst = writesMillis(pools.writes());
            boolean burstStillRunning = burst.stream().anyMatch(read -> !read.isDone());
            CompletableFuture.allOf(burst.toArray(CompletableFuture[]::new)).get();

            // A floor of 10 ms a write keeps a quick quiet run (3 ms for all ten on a quiet machine) from turning a
            // busy machine's scheduling noise into a large ratio; one write queued behind a 300 ms read is far above it.
            double ratio = duringBurst / Math.max(quiet, 10.0 * WRITES);
            System.out.printf("[Task 5] %d writes: %.0f ms quiet, %.0f ms during %d slow reads (%.1fx)%n",
                    WRITES, quiet, duringBurst, SLOW_READS, ratio);
            assertThat(ratio).as("time of %d writes during a burst of %d slow reads (%d ms each) over their time when "
                    + "quiet: %.0f ms / %.0f ms. When reads and writes share one pool, the slow reads take every "
                    + "connection and the writes queue behind them: give each endpoint its own pool",
                    WRITES, SLOW_READS, SLOW_READ.toMillis(), duringBurst, quiet).isLessThanOrEqualTo(3.0);
            assertThat(burstStillRunning).as("the slow reads were still running when the writes finished "
                    + "(otherwise this test measured nothing)").isTrue();
        } finally {
            analysts.shutdownNow();
        }
    }
}
