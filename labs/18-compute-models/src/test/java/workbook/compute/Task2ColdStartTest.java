package workbook.compute;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

@Task(2)
class Task2ColdStartTest {
    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    static final Duration WORK = Duration.ofMillis(20);
    static final Duration KEEP_ALIVE = Duration.ofSeconds(10);

    static Instant at(long millis) {
        return T0.plusMillis(millis);
    }

    @Test
    void aRequestWithNoIdleInstanceWaitsForAColdStart() {
        FunctionFleet fleet = new FunctionFleet(KEEP_ALIVE, 0, ColdStarts.fixed(Duration.ofMillis(300)));
        assertThat(fleet.invoke(at(0), WORK)).as("latency of the first request: no instance yet, so a 300 ms cold start + 20 ms")
                .isEqualTo(Duration.ofMillis(320));
        assertThat(fleet.invoke(at(100), WORK)).as("latency of a request at 100 ms, while the only instance is still busy "
                + "until 320 ms: an instance runs one request at a time, so a second cold start").isEqualTo(Duration.ofMillis(320));
        assertThat(fleet.invoke(at(400), WORK)).as("latency of a request at 400 ms: the first instance has been idle since "
                + "320 ms, so it runs at once").isEqualTo(WORK);
        assertThat(fleet.coldStarts()).as("cold starts after those three requests").isEqualTo(2);
        assertThat(fleet.instances()).as("instances alive").isEqualTo(2);
    }

    @Test
    void anIdleInstanceIsReclaimedAfterExactlyTheKeepAlive() {
        FunctionFleet fleet = new FunctionFleet(KEEP_ALIVE, 0, ColdStarts.fixed(Duration.ofMillis(300)));
        fleet.invoke(at(0), WORK);
        assertThat(fleet.invoke(at(320 + 9_999), WORK)).as("a request 9.999 s after the instance went idle (keep-alive 10 s)")
                .isEqualTo(WORK);
        assertThat(fleet.invoke(at(320 + 9_999 + 20 + 10_000), WORK)).as("a request exactly 10 s after the instance went "
                + "idle again: the keep-alive is over, the instance is gone, this is a cold start").isEqualTo(Duration.ofMillis(320));
        assertThat(fleet.coldStarts()).as("cold starts").isEqualTo(2);
        assertThat(fleet.instances()).as("instances alive: the reclaimed one must not be counted").isEqualTo(1);
    }

    @Test
    void theInstanceThatFinishedLastTakesTheRequestSoTheOthersCanExpire() {
        FunctionFleet fleet = new FunctionFleet(KEEP_ALIVE, 0, ColdStarts.fixed(Duration.ofMillis(300)));
        fleet.invoke(at(0), WORK);     // instance A, idle from 320 ms
        fleet.invoke(at(100), WORK);   // instance B, idle from 420 ms
        fleet.invoke(at(1_000), WORK); // must go to B, idle from 1,020 ms
        assertThat(fleet.invoke(at(10_400), WORK)).as("a request at 10.4 s").isEqualTo(WORK);
        assertThat(fleet.instances()).as("instances alive at 10.4 s: A has been idle since 320 ms and is reclaimed; the "
                + "request at 1 s had to go to B, the instance that finished last, or both would still be alive").isEqualTo(1);
    }

    @Test
    void provisionedInstancesAreUsedFirstAndNeverReclaimed() {
        FunctionFleet fleet = new FunctionFleet(KEEP_ALIVE, 1, ColdStarts.fixed(Duration.ofMillis(300)));
        assertThat(fleet.invoke(at(0), WORK)).as("the first request with 1 provisioned instance: no cold start").isEqualTo(WORK);
        assertThat(fleet.invoke(at(5), WORK)).as("a request while the provisioned instance is busy").isEqualTo(Duration.ofMillis(320));
        assertThat(fleet.invoke(at(1_000), WORK)).as("a request at 1 s, both idle").isEqualTo(WORK);
        fleet.invoke(at(10_400), WORK);
        assertThat(fleet.instances()).as("instances at 10.4 s: the request at 1 s must go to the provisioned instance, so "
                + "the on-demand one (idle since 325 ms) is reclaimed").isEqualTo(1);
        assertThat(fleet.invoke(at(3_600_000), WORK)).as("a request an hour later: the provisioned instance is still warm").isEqualTo(WORK);
        assertThat(fleet.coldStarts()).as("cold starts").isEqualTo(1);
    }

    @Test
    void theP99IsTheNearestRank() {
        List<Duration> latencies = new ArrayList<>();
        for (int ms = 1; ms <= 200; ms++) {
            latencies.add(Duration.ofMillis(ms));
        }
        Collections.shuffle(latencies, new java.util.Random(3));
        assertThat(ColdStartStudy.p99(latencies)).as("p99 of 1..200 ms in random order: rank ceil(0.99 x 200) = 198")
                .isEqualTo(Duration.ofMillis(198));
        assertThat(ColdStartStudy.p99(latencies.subList(0, 50))).as("p99 of 50 latencies: rank ceil(49.5) = 50, the largest")
                .isEqualTo(latencies.subList(0, 50).stream().max(Duration::compareTo).orElseThrow());
        assertThatThrownBy(() -> ColdStartStudy.p99(List.of())).as("p99 of no latencies").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void burstsBreakTheFiftyMillisecondBudgetUntilSixInstancesAreKeptWarm() {
        List<Instant> arrivals = BurstyTraffic.lab(18, T0);
        FunctionFleet fleet = new FunctionFleet(Duration.ofSeconds(45), 0, ColdStarts.java(7));
        List<Duration> latencies = ColdStartStudy.replay(arrivals, WORK, fleet);
        Duration p99 = ColdStartStudy.p99(latencies);
        int provisioned = ColdStartStudy.smallestProvisionedConcurrency(arrivals, WORK, Duration.ofSeconds(45),
                Duration.ofMillis(50), () -> ColdStarts.java(7));
        double monthly = CostModel.provisionedMonthly(provisioned, 512);
        System.out.printf("[Task 2] %d requests, %d cold starts, p99 %d ms; %d provisioned instances meet 50 ms, $%.2f a month%n",
                arrivals.size(), fleet.coldStarts(), p99.toMillis(), provisioned, monthly);
        assertThat(latencies).as("one latency per request").hasSize(arrivals.size());
        assertThat(fleet.coldStarts()).as("cold starts in 10 minutes of bursty traffic (5,663 requests), keep-alive 45 s").isEqualTo(225);
        assertThat(p99).as("p99 with no provisioned concurrency: cold starts are 4%% of the requests, so the p99 is a cold "
                + "start, far over the 50 ms budget").isEqualTo(Duration.ofMillis(390));
        assertThat(provisioned).as("the fewest provisioned instances that bring the p99 within 50 ms").isEqualTo(6);
        assertThat(monthly).as("6 instances of 512 MB kept warm a month: 3 GB x 2,628,000 s x $0.0000041667, before any "
                + "request is paid for; 2 always-on containers cost $72.08").isCloseTo(32.85, within(0.005));
    }

    @Test
    void noNumberOfWarmInstancesHelpsWorkLongerThanTheBudget() {
        assertThatThrownBy(() -> ColdStartStudy.smallestProvisionedConcurrency(List.of(T0), Duration.ofMillis(80),
                KEEP_ALIVE, Duration.ofMillis(50), () -> ColdStarts.fixed(Duration.ofMillis(300))))
                .as("80 ms of work against a 50 ms budget: searching for a number of instances would never end")
                .isInstanceOf(IllegalArgumentException.class);
    }
}
