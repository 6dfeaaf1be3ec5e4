package workbook.autoscaling;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import static org.assertj.core.api.Assertions.assertThat;

@Task(6)
class HiddenTask6Test {

    private static void beatsNaive(String name, long seed, Trace.Shape shape) {
        beatsNaive(name, seed, shape, shape.spikeMinute());
    }

    private static void beatsNaive(String name, long seed, Trace.Shape shape, int spikeMinute) {
        FleetConfig fleet = FleetConfig.standard();
        Trace days = Trace.daily(seed, 15, shape);
        Scorecard naive = Scorecard.of(Fleet.simulate(fleet, days.day(14), Policies.naive(), 4));
        Run yourRun = Fleet.simulate(fleet, days.day(14), Policies.recommended(days.firstDays(14), fleet), 4);
        Scorecard yours = Scorecard.of(yourRun);
        String both = " on " + name + " (naive: " + naive + "; yours: " + yours + ")";
        assertThat(yours.sloViolationMinutes()).as("SLO-violation minutes" + both).isLessThan(naive.sloViolationMinutes());
        assertThat(yours.instanceHours()).as("instance-hours" + both).isLessThan(naive.instanceHours());
        assertThat(yours.scalingActions()).as("scaling actions" + both).isLessThan(naive.scalingActions());
        double spikeMinutes = yourRun.between(spikeMinute - 15, spikeMinute + 45).stream()
                .filter(tick -> tick.latencyMs() > fleet.sloLatencyMs()).count() / (double) Fleet.TICKS_PER_MINUTE;
        assertThat(spikeMinutes)
                .as("SLO-violation minutes in the hour around the daily spike" + both + ": the spike is in the history,"
                        + " so the forecast should have the capacity warm before it")
                .isLessThanOrEqualTo(1.0);
    }

    @Test
    void aLaterBiggerSpikeWithMoreBursts() {
        beatsNaive("a 6x spike at 10:00 with 6 bursts a day", 201, Trace.Shape.standard().withSpike(10 * 60, 6.0).withBurstsPerDay(6));
    }

    @Test
    void aBusierFleet() {
        beatsNaive("a busier day (300 / 500 / 1400 rps)", 202, Trace.Shape.standard().withLoads(300, 500, 1400));
    }

    @Test
    void anEarlierSmallerSpike() {
        beatsNaive("a 4x spike at 8:30", 203, Trace.Shape.standard().withSpike(8 * 60 + 30, 4.0));
    }
}
