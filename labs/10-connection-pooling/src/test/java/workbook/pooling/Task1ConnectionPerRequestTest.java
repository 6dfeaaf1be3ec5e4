package workbook.pooling;

import eu.rekawek.toxiproxy.model.ToxicDirection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.Toxi;
import workbook.labkit.testing.Concurrently;
import workbook.labkit.testing.Task;

import java.sql.Connection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@Task(1)
class Task1ConnectionPerRequestTest {
    @RegisterExtension
    static final Postgres db = LabDatabase.fresh();
    @RegisterExtension
    static final Toxi toxi = Toxi.create();

    static final int CLIENTS = 4;
    static final int REQUESTS_EACH = 8;
    static final int NETWORK_LATENCY_MS = 20;

    @BeforeAll
    static void products() throws Exception {
        LabDatabase.setUp(db, Prices::createTable);
    }

    /** What one run of the workload saw: its wall time and the server processes that answered. */
    record Run(long nanos, Set<Integer> backendPids, int requests) {
    }

    interface Lookup {
        Quote quote(long productId) throws Exception;
    }

    /** CLIENTS clients at once, each asking REQUESTS_EACH prices one after the other. */
    static Run run(Lookup lookup) {
        long start = System.nanoTime();
        List<Concurrently.Outcome<List<Quote>>> outcomes = Concurrently.run(CLIENTS, client -> {
            List<Quote> quotes = new java.util.ArrayList<>();
            for (int i = 0; i < REQUESTS_EACH; i++) {
                long productId = 1 + (client * REQUESTS_EACH + i) % Prices.PRODUCTS;
                quotes.add(lookup.quote(productId));
            }
            return quotes;
        });
        long nanos = System.nanoTime() - start;
        Set<Integer> pids = new HashSet<>();
        int requests = 0;
        for (Concurrently.Outcome<List<Quote>> outcome : outcomes) {
            assertThat(outcome.error()).as("error of client %d", outcome.caller()).isNull();
            for (Quote quote : outcome.value()) {
                assertThat(quote.priceCents()).as("price of product %d", quote.productId()).isEqualTo(quote.productId() * 100);
                pids.add(quote.backendPid());
                requests++;
            }
        }
        return new Run(nanos, pids, requests);
    }

    @Test
    void aPoolOpensItsConnectionsOnceAndServesTheWorkloadAtLeastTwiceAsFast() throws Exception {
        Toxi.Proxied network = toxi.postgres(db);
        network.toxics().latency("network", ToxicDirection.DOWNSTREAM, NETWORK_LATENCY_MS);
        Endpoint database = LabDatabase.through(db, network, "primary");

        try (PriceLookup lookup = new PriceLookup(database, CLIENTS)) {
            Run warmUp = run(lookup::quote);
            assertThat(warmUp.backendPids().size())
                    .as("PostgreSQL server processes (distinct pg_backend_pid()) that answered %d requests of %d clients "
                            + "through PriceLookup(database, %d). A connection per request starts a server process "
                            + "per request; a pool opens at most its %d connections once and reuses them",
                            warmUp.requests(), CLIENTS, CLIENTS, CLIENTS)
                    .isLessThanOrEqualTo(CLIENTS);
            Run perRequest = run(productId -> {
                try (Connection connection = database.connect()) {
                    return Prices.read(connection, productId);
                }
            });
            Run pooled = run(lookup::quote);
            Set<Integer> pidsOfThePool = new HashSet<>(warmUp.backendPids());
            pidsOfThePool.addAll(pooled.backendPids());
            assertThat(pidsOfThePool.size()).as("server processes of PriceLookup over two runs (a connection per request "
                    + "used %d)", perRequest.backendPids().size()).isLessThanOrEqualTo(CLIENTS);
        double speedup = (double) perRequest.nanos() / pooled.nanos();
        System.out.printf("[Task 1] %d requests, %d ms network latency: a connection per request %d ms (%d server processes), "
                + "pooled %d ms (%d): %.1fx%n", pooled.requests(), NETWORK_LATENCY_MS, perRequest.nanos() / 1_000_000,
                perRequest.backendPids().size(), pooled.nanos() / 1_000_000, pidsOfThePool.size(), speedup);
        assertThat(speedup)
                .as("the same %d requests through a network with %d ms latency: a connection per request took %d ms, "
                        + "PriceLookup %d ms (%.1fx). Each new connection costs several round trips before its query; "
                        + "a pool pays them once, so it should be at least twice as fast",
                        pooled.requests(), NETWORK_LATENCY_MS, perRequest.nanos() / 1_000_000, pooled.nanos() / 1_000_000, speedup)
                .isGreaterThanOrEqualTo(2.0);
        }
    }
}
