package workbook.failing;

import eu.rekawek.toxiproxy.model.ToxicDirection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Toxi;
import workbook.labkit.testing.Concurrently;
import workbook.labkit.testing.Task;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@Task(1)
class Task1MeasureTheOutageTest {
    @RegisterExtension
    static final Toxi toxi = Toxi.create();

    @RegisterExtension
    final Cleanup cleanup = new Cleanup();

    @Test
    void countsEveryStatusAndTheSuccessRate() {
        Outcomes outcomes = new Outcomes();
        int[] statuses = {200, 200, 503, 0, 201, 200, 502, 204, 302, 200};
        for (int i = 0; i < statuses.length; i++) {
            outcomes.record(statuses[i], Duration.ofMillis(10 + i));
        }
        assertThat(outcomes.total()).as("requests recorded").isEqualTo(10);
        assertThat(outcomes.successes()).as("2xx answers among 200, 200, 503, 0, 201, 200, 502, 204, 302, 200 "
                + "(a 302 is not a success, a 201 and a 204 are)").isEqualTo(6);
        assertThat(outcomes.successRate()).as("success rate: 6 of 10").isEqualTo(0.6);
        assertThat(outcomes.count(0)).as("requests with no answer in time (status 0)").isEqualTo(1);
        assertThat(outcomes.count(200)).as("200 answers").isEqualTo(4);
        assertThat(outcomes.count(503)).as("503 answers").isEqualTo(1);
        assertThat(outcomes.count(404)).as("404 answers (none recorded)").isZero();
    }

    @Test
    void percentilesUseTheNearestRank() {
        Outcomes outcomes = new Outcomes();
        List<Integer> millis = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            millis.add(1000 + 5 * i);
        }
        Collections.shuffle(millis, new Random(14));
        millis.forEach(ms -> outcomes.record(200, Duration.ofMillis(ms)));
        assertThat(outcomes.percentile(99)).as("p99 of 200 latencies 1005, 1010, ... 2000 ms (recorded out of order): "
                + "rank ceil(0.99 × 200) = 198, so 1000 + 5 × 198").isEqualTo(Duration.ofMillis(1990));
        assertThat(outcomes.percentile(50)).as("p50: rank 100").isEqualTo(Duration.ofMillis(1500));
        assertThat(outcomes.percentile(100)).as("p100: the slowest").isEqualTo(Duration.ofMillis(2000));
        assertThat(outcomes.percentile(0.1)).as("p0.1: rank ceil(0.2) = 1, the fastest").isEqualTo(Duration.ofMillis(1005));
    }

    @Test
    void aRequestThatGotNoAnswerCountsAtTheTimeItsClientWaited() {
        Outcomes outcomes = new Outcomes();
        for (int i = 0; i < 98; i++) {
            outcomes.record(200, Duration.ofMillis(4));
        }
        outcomes.record(0, Duration.ofMillis(900));
        outcomes.record(0, Duration.ofMillis(950));
        assertThat(outcomes.percentile(99)).as("p99 of 98 answers in 4 ms and 2 clients that gave up after 900 and 950 ms: "
                + "the users who waited longest are the ones who got nothing, so failures count").isEqualTo(Duration.ofMillis(900));
        assertThat(outcomes.successRate()).as("success rate").isEqualTo(0.98);
    }

    @Test
    void nothingRecordedMeansNoSuccessAndNoLatency() {
        Outcomes outcomes = new Outcomes();
        assertThat(outcomes.total()).isZero();
        assertThat(outcomes.successRate()).as("success rate of no requests (0.0, not NaN)").isEqualTo(0.0);
        assertThat(outcomes.percentile(99)).as("p99 of no requests").isEqualTo(Duration.ZERO);
    }

    @Test
    void manyClientsRecordAtOnce() {
        Outcomes outcomes = new Outcomes();
        Concurrently.run(8, caller -> {
            for (int i = 0; i < 500; i++) {
                outcomes.record(caller % 2 == 0 ? 200 : 503, Duration.ofMillis(1 + i));
            }
            return null;
        });
        assertThat(outcomes.total()).as("requests recorded by 8 threads × 500; fewer means records were lost in a race")
                .isEqualTo(4000);
        assertThat(outcomes.count(503)).as("503s recorded by the 4 odd threads").isEqualTo(2000);
        assertThat(outcomes.percentile(100)).as("the slowest").isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void oneSlowDependencyTakesDownPaymentsAndHealth() throws Exception {
        Backend recommendations = cleanup.keep(Backend.recommendations());
        Backend payments = cleanup.keep(Backend.payments());
        Toxi.Proxied toRecommendations = toxi.localPort("t1-recommendations", recommendations.port());
        // The starting point: a bounded pool of 4 workers and clients without timeouts.
        Storefront shop = cleanup.keep(Storefront.builder(4)
                .recommendations(new DependencyClient(URI.create("http://" + toRecommendations.address()), Timeouts.none()))
                .payments(new DependencyClient(URI.create("http://127.0.0.1:" + payments.port()), Timeouts.none()))
                .start());

        Outcomes before = LoadProbe.requests(shop.uri("/payments/7"), 12, 4, Duration.ofSeconds(5), new Outcomes());
        toRecommendations.toxics().latency("recommendations-slow", ToxicDirection.DOWNSTREAM, 3000);
        cleanup.keep(LoadProbe.pressure(shop.uri("/home?user=ann"), 8, Duration.ZERO));
        await().atMost(Duration.ofSeconds(5)).until(() -> recommendations.requests() >= 4);
        Outcomes during = LoadProbe.requests(shop.uri("/payments/7"), 12, 6, Duration.ofMillis(300), new Outcomes());
        Outcomes health = LoadProbe.requests(shop.uri("/health"), 6, 6, Duration.ofMillis(300), new Outcomes());
        System.out.printf("[Task 1] /payments before: %s%n[Task 1] /payments with recommendations slow: %s%n"
                + "[Task 1] /health with recommendations slow: %s%n", Summary.of(before), Summary.of(during), Summary.of(health));

        assertThat(before.successRate()).as("/payments success rate before recommendations slowed down (%s)", Summary.of(before)).isEqualTo(1.0);
        assertThat(during.successRate()).as("/payments success rate while recommendations take 3 s (%s): every one of the "
                + "4 workers waits on recommendations, so payments, which never call it, wait in the queue too", Summary.of(during))
                .isLessThanOrEqualTo(0.1);
        assertThat(health.successRate()).as("/health success rate while recommendations take 3 s (%s)", Summary.of(health))
                .isLessThanOrEqualTo(0.1);
    }
}
