package workbook.loadbalancing;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

@Task(2)
class Task2LeastConnectionsTest {

    @Test
    void theServerWithFewestActiveConnectionsGetsTheRequest() {
        Server a = withActive(Server.named("a"), 3);
        Server b = withActive(Server.named("b"), 1);
        Server c = withActive(Server.named("c"), 2);
        Balancer balancer = new LeastConnections(new Random(1));

        Map<String, Integer> counts = count(balancer, List.of(a, b, c), 100);

        assertThat(counts)
                .as("100 picks while a has 3 requests in flight, b 1 and c 2: least connections always "
                        + "chooses b, the server with the fewest")
                .isEqualTo(Map.of("b", 100));
    }

    @Test
    void tiesAreBrokenByASeededRandomChoice() {
        List<Server> idle = List.of(Server.named("a"), Server.named("b"), Server.named("c"));

        Map<String, Integer> counts = count(new LeastConnections(new Random(42)), idle, 3000);

        assertThat(counts.keySet())
                .as("3000 picks while every server is idle (a tie): %s. Always taking the first tied server "
                        + "sends a quiet period's requests to one server", counts)
                .containsExactlyInAnyOrder("a", "b", "c");
        assertThat(counts.values())
                .as("3000 picks among 3 tied servers should split about evenly: %s", counts)
                .allSatisfy(n -> assertThat(n).isBetween(900, 1100));
        assertThat(Task1RoundRobinTest.names(new LeastConnections(new Random(42)), idle, 50))
                .as("two balancers seeded alike must break ties alike, so a run can be repeated")
                .isEqualTo(Task1RoundRobinTest.names(new LeastConnections(new Random(42)), idle, 50));
    }

    @Test
    void weightedLeastConnectionsDividesActiveConnectionsByWeight() {
        Server small = withActive(Server.weighted("small", 1), 2);   // 2 per unit of weight
        Server medium = withActive(Server.weighted("medium", 2), 3); // 1.5 per unit
        Server big = withActive(Server.weighted("big", 4), 4);       // 1 per unit
        Balancer balancer = new WeightedLeastConnections(new Random(1));

        assertThat(count(balancer, List.of(small, medium, big), 100))
                .as("100 picks; small (weight 1) has 2 in flight, medium (weight 2) 3, big (weight 4) 4. "
                        + "Per unit of weight that is 2, 1.5 and 1: big is the least loaded although it has the most")
                .isEqualTo(Map.of("big", 100));
    }

    @Test
    void weightedLeastConnectionsFillsTheCoursesFleetInProportionToCores() {
        // A and B have 8 cores (weight 1), C has 16 (weight 2). Requests that never finish pile up:
        // the balancer must keep active/weight level, so C ends with twice as many.
        List<Server> fleet = List.of(Server.weighted("A", 1), Server.weighted("B", 1), Server.weighted("C", 2));
        Balancer balancer = new WeightedLeastConnections(new Random(3));
        for (int i = 0; i < 400; i++) {
            balancer.pick(fleet, "client").connectionOpened();
        }

        assertThat(fleet.stream().map(Server::activeConnections).toList())
                .as("long requests in flight on A, B and C after 400 picks; weighted least connections "
                        + "should give about 100, 100 and 200")
                .satisfies(active -> {
                    assertThat(active.get(0)).isBetween(98, 102);
                    assertThat(active.get(1)).isBetween(98, 102);
                    assertThat(active.get(2)).isBetween(198, 202);
                });
    }

    static Server withActive(Server server, int active) {
        for (int i = 0; i < active; i++) {
            server.connectionOpened();
        }
        return server;
    }

    static Map<String, Integer> count(Balancer balancer, List<Server> servers, int picks) {
        Map<String, Integer> counts = new TreeMap<>();
        for (int i = 0; i < picks; i++) {
            counts.merge(balancer.pick(servers, "client").name(), 1, Integer::sum);
        }
        return counts;
    }
}
