package workbook.loadbalancing;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

@Task(1)
class Task1RoundRobinTest {
    private final Server a = Server.named("a");
    private final Server b = Server.named("b");
    private final Server c = Server.named("c");

    @Test
    void roundRobinGivesEachServerItsTurnInOrder() {
        Balancer balancer = new RoundRobin();
        List<Server> servers = List.of(a, b, c);

        assertThat(names(balancer, servers, 9))
                .as("9 requests over servers a, b, c with round-robin: each in turn, then start again")
                .isEqualTo("a b c a b c a b c");
    }

    @Test
    void smoothWeightedRoundRobinWith5And1And1GivesNginxsSequence() {
        Balancer balancer = new SmoothWeightedRoundRobin();
        List<Server> servers = List.of(Server.weighted("a", 5), Server.weighted("b", 1), Server.weighted("c", 1));

        assertThat(names(balancer, servers, 14))
                .as("weights a=5, b=1, c=1, two cycles of 7 requests. nginx's smooth weighted round-robin "
                        + "spreads a's five turns around b and c; 'a a a a a b c' gives the right counts but in a run")
                .isEqualTo("a a b a c a a a a b a c a a");
    }

    @Test
    void weights3And1And2GiveThreeOneTwoOfEverySixInterleaved() {
        Balancer balancer = new SmoothWeightedRoundRobin();
        List<Server> servers = List.of(Server.weighted("a", 3), Server.weighted("b", 1), Server.weighted("c", 2));
        String[] picks = names(balancer, servers, 60).split(" ");

        for (int start = 0; start < picks.length; start += 6) {
            Map<String, Integer> window = new TreeMap<>();
            for (int i = start; i < start + 6; i++) {
                window.merge(picks[i], 1, Integer::sum);
            }
            assertThat(window)
                    .as("requests %d to %d with weights a=3, b=1, c=2: every cycle of 6 gives a 3, b 1 and c 2",
                            start + 1, start + 6)
                    .isEqualTo(Map.of("a", 3, "b", 1, "c", 2));
        }
        assertThat(longestRun(picks))
                .as("longest run of the same server in %s; weighted round-robin that sends a's 3 requests "
                        + "in a row makes bursts, the smooth version interleaves them", String.join(" ", picks).substring(0, 35) + "...")
                .isLessThanOrEqualTo(2);
    }

    @Test
    void theCoursesFleetGetsTrafficInProportionToCores() {
        // The course's fleet: A and B have 8 cores, C has 16, so C gets weight 2.
        Server serverA = Server.weighted("A", 1);
        Server serverB = Server.weighted("B", 1);
        Server serverC = Server.weighted("C", 2);
        Balancer balancer = new SmoothWeightedRoundRobin();
        Map<String, Integer> counts = new TreeMap<>();
        for (int i = 0; i < 400; i++) {
            counts.merge(balancer.pick(List.of(serverA, serverB, serverC), "client").name(), 1, Integer::sum);
        }

        assertThat(counts)
                .as("400 requests to A (8 cores, weight 1), B (8 cores, weight 1) and C (16 cores, weight 2)")
                .isEqualTo(Map.of("A", 100, "B", 100, "C", 200));
    }

    static String names(Balancer balancer, List<Server> servers, int picks) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < picks; i++) {
            names.add(balancer.pick(servers, "client").name());
        }
        return String.join(" ", names);
    }

    static int longestRun(String[] picks) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < picks.length; i++) {
            run = i > 0 && picks[i].equals(picks[i - 1]) ? run + 1 : 1;
            longest = Math.max(longest, run);
        }
        return longest;
    }
}
