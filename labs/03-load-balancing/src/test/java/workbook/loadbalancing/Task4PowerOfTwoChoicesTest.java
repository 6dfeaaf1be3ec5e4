package workbook.loadbalancing;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

@Task(4)
class Task4PowerOfTwoChoicesTest {

    @Test
    void twoRandomChoicesKeepTheBusiestServerFarLessLoadedThanOneRandomChoice() {
        int randomPeak = peakLoad(new RandomChoice(new Random(11)));
        int twoChoicesPeak = peakLoad(new PowerOfTwoChoices(new Random(11)));

        assertThat((double) randomPeak / twoChoicesPeak)
                .as("peak requests in flight on any of 10 servers over %d simulated requests: random %d, "
                        + "power of two choices %d. Comparing just two counters should cut the peak by at least 1.6x",
                        REQUESTS, randomPeak, twoChoicesPeak)
                .isGreaterThanOrEqualTo(1.6);
    }

    @Test
    void powerOfTwoChoicesComparesTwoDifferentServersAndNeverPicksTheBusiest() {
        Server idle = Server.named("idle");
        Server busy = Task2LeastConnectionsTest.withActive(Server.named("busy"), 5);
        Server busiest = Task2LeastConnectionsTest.withActive(Server.named("busiest"), 9);

        Map<String, Integer> counts = Task2LeastConnectionsTest.count(
                new PowerOfTwoChoices(new Random(5)), List.of(idle, busy, busiest), 3000);

        assertThat(counts)
                .as("3000 picks with 0, 5 and 9 requests in flight. Sampling two different servers, the busiest "
                        + "loses every comparison; 'busy' wins only when paired with 'busiest' (1 pair in 3)")
                .doesNotContainKey("busiest");
        assertThat(counts.getOrDefault("busy", 0))
                .as("picks of 'busy' out of 3000: about a third. Always 0 means every server is compared "
                        + "(that is least connections, reading N counters instead of 2)")
                .isBetween(850, 1150);
    }

    @Test
    void randomChoiceSpreadsEvenlyOverManyRequests() {
        List<Server> servers = Task3HashingTest.servers(3);
        Map<String, Integer> counts = Task2LeastConnectionsTest.count(new RandomChoice(new Random(9)), servers, 30_000);

        assertThat(counts.values())
                .as("30000 random picks over 3 servers: %s, each about 10000", counts)
                .hasSize(3)
                .allSatisfy(n -> assertThat(n).isBetween(9_500, 10_500));
    }

    static final int REQUESTS = 200_000;

    /**
     * Simulated time, no sleeping: requests arrive at random (Poisson) and take a variable time (most
     * short, some ten times longer). Returns the largest number of requests in flight on any server.
     */
    static int peakLoad(Balancer balancer) {
        List<Server> servers = Task3HashingTest.servers(10);
        Random workload = new Random(2026);
        record Completion(double at, Server server) {
        }
        PriorityQueue<Completion> inFlight = new PriorityQueue<>((x, y) -> Double.compare(x.at, y.at));
        double meanDuration = 0.9 * 1.0 + 0.1 * 10.0; // 1.9 time units
        double arrivalRate = 10 * 4.0 / meanDuration; // about 4 requests in flight per server on average
        double now = 0;
        int peak = 0;
        for (int i = 0; i < REQUESTS; i++) {
            now += -Math.log(1 - workload.nextDouble()) / arrivalRate;
            while (!inFlight.isEmpty() && inFlight.peek().at <= now) {
                inFlight.poll().server.connectionClosed();
            }
            double mean = workload.nextDouble() < 0.9 ? 1.0 : 10.0;
            double duration = -Math.log(1 - workload.nextDouble()) * mean;
            Server server = balancer.pick(servers, "client-" + i);
            server.connectionOpened();
            peak = Math.max(peak, server.activeConnections());
            inFlight.add(new Completion(now + duration, server));
        }
        return peak;
    }
}
