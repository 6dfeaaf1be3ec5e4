package workbook.replicas;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Concurrently;
import workbook.labkit.testing.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Hidden cases for Task 1: three standbys, reads and read-only transactions sharing the turn, many threads. */
@Task(1)
class HiddenTask1RoutingTest {
    static final Node PRIMARY = new Node("primary", null);
    static final List<Node> THREE = List.of(new Node("a", null), new Node("b", null), new Node("c", null));

    @Test
    void threeStandbysTakeTurnsInTheGivenOrder() {
        ReplicaRouter router = new ReplicaRouter(PRIMARY, THREE);
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            order.add(router.forRead().name());
        }
        assertThat(order).as("servers for seven reads over three standbys").containsExactly("a", "b", "c", "a", "b", "c", "a");
    }

    @Test
    void readOnlyTransactionsTakeTheNextTurnOfTheSameRotation() {
        ReplicaRouter router = new ReplicaRouter(PRIMARY, THREE);
        List<String> order = List.of(router.forRead().name(), router.forTransaction(true).name(), router.forTransaction(false).name(),
                router.forRead().name(), router.forTransaction(true).name());
        assertThat(order).as("read, read-only transaction, read-write transaction, read, read-only transaction")
                .containsExactly("a", "b", "primary", "c", "a");
    }

    @Test
    void theCallersListCanChangeWithoutMovingTheRotation() {
        List<Node> mine = new ArrayList<>(THREE);
        ReplicaRouter router = new ReplicaRouter(PRIMARY, mine);
        mine.clear();
        assertThat(router.forRead().name()).as("first read after the caller emptied its own list").isEqualTo("a");
    }

    @Test
    void manyThreadsShareTheTurnsExactly() throws Exception {
        ReplicaRouter router = new ReplicaRouter(PRIMARY, THREE);
        Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();
        Concurrently.run(8, caller -> {
            for (int i = 0; i < 300; i++) {
                reads.computeIfAbsent(router.forRead().name(), name -> new AtomicInteger()).incrementAndGet();
            }
            return null;
        });
        assertThat(reads.get("a").get() + reads.get("b").get() + reads.get("c").get()).as("reads routed").isEqualTo(2400);
        assertThat(List.of(reads.get("a").get(), reads.get("b").get(), reads.get("c").get()))
                .as("reads per standby for 2400 reads from 8 threads: round-robin must not lose or repeat a turn")
                .containsOnly(800);
    }
}
