package workbook.loadbalancing;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

@Task(2)
class Task2HiddenTest {

    private static Server active(Server server, int active) {
        for (int i = 0; i < active; i++) {
            server.connectionOpened();
        }
        return server;
    }

    private static Map<String, Integer> count(Balancer balancer, List<Server> servers, int picks) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < picks; i++) {
            counts.merge(balancer.pick(servers, "client").name(), 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void weightedLeastConnectionsDoesNotRoundFractionsAway() {
        Server big = active(Server.weighted("big", 4), 3);     // 0.75 per unit of weight
        Server idle = active(Server.weighted("idle", 1), 0);   // 0
        Server mid = active(Server.weighted("mid", 3), 2);     // 0.67

        assertThat(count(new WeightedLeastConnections(new Random(4)), List.of(big, mid, idle), 300))
                .as("300 picks with loads 3/4, 2/3 and 0/1: only the idle server is least loaded. "
                        + "Integer division turns 3/4 and 2/3 into 0 and makes all three look tied")
                .isEqualTo(Map.of("idle", 300));
    }

    @Test
    void weightedLeastConnectionsBreaksTiesAtRandom() {
        Server small = active(Server.weighted("small", 1), 1); // 1 per unit
        Server big = active(Server.weighted("big", 2), 2);     // 1 per unit

        Map<String, Integer> counts = count(new WeightedLeastConnections(new Random(8)), List.of(small, big), 2000);
        assertThat(counts.getOrDefault("small", 0))
                .as("2000 picks between two servers with the same load per unit of weight (%s): a tie, "
                        + "broken at random, gives each about half", counts)
                .isBetween(850, 1150);
    }

    @Test
    void weightedLeastConnectionsComparesActivePerWeightBothWays() {
        Server heavy = active(Server.weighted("heavy", 2), 2); // 1 per unit of weight
        Server light = active(Server.weighted("light", 1), 3); // 3 per unit of weight

        assertThat(count(new WeightedLeastConnections(new Random(5)), List.of(heavy, light), 100))
                .as("100 picks with loads 2/2 and 3/1: the first server carries 1 connection per unit of weight, "
                        + "the second 3")
                .isEqualTo(Map.of("heavy", 100));
    }
}

