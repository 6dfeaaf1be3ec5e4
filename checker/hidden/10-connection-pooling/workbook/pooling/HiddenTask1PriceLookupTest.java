package workbook.pooling;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.testing.Concurrently;
import workbook.labkit.testing.Task;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@Task(1)
class HiddenTask1PriceLookupTest {
    @RegisterExtension
    static final Postgres db = LabDatabase.fresh();

    @BeforeAll
    static void products() throws Exception {
        LabDatabase.setUp(db, Prices::createTable);
    }

    @Test
    void thePoolHasTheSizeItWasGivenAndClosesWithTheLookup() throws Exception {
        PriceLookup lookup = new PriceLookup(LabDatabase.direct(db), 2);
        List<Concurrently.Outcome<Set<Integer>>> outcomes = Concurrently.run(6, client -> {
            Set<Integer> pids = new TreeSet<>();
            for (int i = 1; i <= 5; i++) {
                long productId = 7L * client + i;
                Quote quote = lookup.quote(productId);
                assertThat(quote.priceCents()).as("price of product %d", productId).isEqualTo(productId * 100);
                assertThat(quote.productId()).as("product of the quote").isEqualTo(productId);
                pids.add(quote.backendPid());
            }
            return pids;
        });
        Set<Integer> pids = new TreeSet<>();
        outcomes.forEach(outcome -> {
            assertThat(outcome.error()).as("error of client %d", outcome.caller()).isNull();
            pids.addAll(outcome.value());
        });
        assertThat(pids.size()).as("server processes behind PriceLookup(database, 2) for 6 clients").isBetween(1, 2);

        lookup.close();
        await("connections of the closed lookup ended at the server").atMost(java.time.Duration.ofSeconds(5))
                .until(() -> LabDatabase.connectionsAtServer(db) == 0);
    }
}
