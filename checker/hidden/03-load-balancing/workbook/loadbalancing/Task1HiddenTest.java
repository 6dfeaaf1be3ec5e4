package workbook.loadbalancing;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@Task(1)
class Task1HiddenTest {

    @Test
    void roundRobinKeepsTurningWhenAServerLeavesTheList() {
        Server a = Server.named("a");
        Server b = Server.named("b");
        Server c = Server.named("c");
        Balancer balancer = new RoundRobin();
        balancer.pick(List.of(a, b, c), "client");
        balancer.pick(List.of(a, b, c), "client");

        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 10; i++) {
            counts.merge(balancer.pick(List.of(a, c), "client").name(), 1, Integer::sum);
        }
        assertThat(counts)
                .as("10 picks after b was removed (the list shrank from 3 servers to 2 after two picks): "
                        + "a and c take turns. A position kept from the longer list can point past the end")
                .isEqualTo(Map.of("a", 5, "c", 5));
    }

    @Test
    void smoothWeightedRoundRobinOnlyPicksFromTheServersItIsGiven() {
        Server a = Server.weighted("a", 5);
        Server b = Server.weighted("b", 1);
        Server c = Server.weighted("c", 1);
        Balancer balancer = new SmoothWeightedRoundRobin();
        for (int i = 0; i < 7; i++) {
            balancer.pick(List.of(a, b, c), "client");
        }

        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 60; i++) {
            counts.merge(balancer.pick(List.of(a, c), "client").name(), 1, Integer::sum);
        }
        assertThat(counts)
                .as("60 picks after b was ejected, from a (weight 5) and c (weight 1): b must never be chosen "
                        + "once it is not in the list, and a:c should be 5:1")
                .isEqualTo(Map.of("a", 50, "c", 10));
    }
}
