package workbook.compute;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@Task(2)
class HiddenTask2ColdStartTest {
    static final Instant T0 = Instant.parse("2026-07-14T18:30:00Z");
    static final Duration WORK = Duration.ofMillis(30);

    @Test
    void eachColdStartDrawsTheNextStartUpTime() {
        List<Duration> startUps = List.of(Duration.ofMillis(100), Duration.ofMillis(700), Duration.ofMillis(250));
        java.util.Iterator<Duration> next = startUps.iterator();
        FunctionFleet fleet = new FunctionFleet(Duration.ofSeconds(5), 0, next::next);
        assertThat(fleet.invoke(T0, WORK)).as("first cold start").isEqualTo(Duration.ofMillis(130));
        assertThat(fleet.invoke(T0.plusMillis(10), WORK)).as("second cold start").isEqualTo(Duration.ofMillis(730));
        assertThat(fleet.invoke(T0.plusMillis(20), WORK)).as("third cold start").isEqualTo(Duration.ofMillis(280));
        assertThat(fleet.invoke(T0.plusMillis(130), WORK)).as("a request exactly when the first instance is free").isEqualTo(WORK);
        assertThat(fleet.coldStarts()).as("cold starts").isEqualTo(3);
        assertThat(fleet.instances()).as("instances").isEqualTo(3);
    }

    @Test
    void twoProvisionedInstancesServeTwoAtOnceWithoutColdStarts() {
        FunctionFleet fleet = new FunctionFleet(Duration.ofSeconds(5), 2, ColdStarts.fixed(Duration.ofMillis(400)));
        assertThat(fleet.instances()).as("instances before any request: the provisioned ones").isEqualTo(2);
        assertThat(fleet.invoke(T0, WORK)).as("first").isEqualTo(WORK);
        assertThat(fleet.invoke(T0.plusMillis(1), WORK)).as("second while the first runs").isEqualTo(WORK);
        assertThat(fleet.invoke(T0.plusMillis(2), WORK)).as("third while both run").isEqualTo(Duration.ofMillis(430));
        assertThat(fleet.invoke(T0.plusMillis(29_999), WORK)).as("much later").isEqualTo(WORK);
        assertThat(fleet.instances()).as("instances after the on-demand one expired").isEqualTo(2);
        assertThat(fleet.coldStarts()).as("cold starts").isEqualTo(1);
    }

    @Test
    void anotherTrafficNeedsAnotherNumberOfWarmInstances() {
        List<Instant> arrivals = BurstyTraffic.arrivals(5, T0, Duration.ofMinutes(5), 1, 80, Duration.ofSeconds(2), Duration.ofSeconds(40));
        int provisioned = ColdStartStudy.smallestProvisionedConcurrency(arrivals, WORK, Duration.ofSeconds(20),
                Duration.ofMillis(100), () -> ColdStarts.java(11));
        FunctionFleet at = new FunctionFleet(Duration.ofSeconds(20), provisioned, ColdStarts.java(11));
        FunctionFleet below = new FunctionFleet(Duration.ofSeconds(20), provisioned - 1, ColdStarts.java(11));
        assertThat(ColdStartStudy.p99(ColdStartStudy.replay(arrivals, WORK, at))).as("p99 with the answer (%d)", provisioned)
                .isLessThanOrEqualTo(Duration.ofMillis(100));
        assertThat(ColdStartStudy.p99(ColdStartStudy.replay(arrivals, WORK, below))).as("p99 with one fewer than the answer (%d)", provisioned)
                .isGreaterThan(Duration.ofMillis(100));
        assertThat(ColdStartStudy.smallestProvisionedConcurrency(List.of(T0), WORK, Duration.ofSeconds(1), WORK,
                () -> ColdStarts.fixed(Duration.ofMillis(500)))).as("one request whose work equals the budget").isEqualTo(1);
    }

    @Test
    void theP99OfOneLatencyIsThatLatencyAndProvisioningScales() {
        assertThat(ColdStartStudy.p99(List.of(Duration.ofMillis(42)))).as("p99 of one latency").isEqualTo(Duration.ofMillis(42));
        assertThat(ColdStartStudy.p99(List.of(Duration.ofMillis(9), Duration.ofMillis(3)))).as("p99 of two").isEqualTo(Duration.ofMillis(9));
        assertThat(CostModel.provisionedMonthly(3, 2048)).as("3 instances of 2 GB").isCloseTo(3 * 2 * 2_628_000 * 0.0000041667, within(1e-6));
        assertThat(CostModel.provisionedMonthly(0, 2048)).as("none").isZero();
    }

    @Test
    void theIdleInstanceThatFinishedLastServesSoThatTheOtherCanExpire() {
        FunctionFleet fleet = new FunctionFleet(Duration.ofSeconds(10), 0, ColdStarts.fixed(Duration.ofMillis(100)));
        fleet.invoke(T0, Duration.ofSeconds(5));                          // instance A: busy until 5.1 s
        fleet.invoke(T0.plusSeconds(1), Duration.ofSeconds(1));           // A is busy: instance B, busy until 2.1 s
        assertThat(fleet.invoke(T0.plusSeconds(6), Duration.ofSeconds(1))).as("at 6 s, with A and B idle").isEqualTo(Duration.ofSeconds(1));
        // A finished last, so A serves; B, idle since 2.1 s, expires at 12.1 s.
        assertThat(fleet.invoke(T0.plusSeconds(14), Duration.ofSeconds(1))).as("first of two requests at 14 s").isEqualTo(Duration.ofSeconds(1));
        assertThat(fleet.invoke(T0.plusSeconds(14), Duration.ofSeconds(1))).as("second of two requests at 14 s: B expired at 12.1 s "
                + "because A, which finished later, took the request at 6 s").isEqualTo(Duration.ofMillis(1100));
        assertThat(fleet.coldStarts()).as("cold starts").isEqualTo(3);
    }
}
