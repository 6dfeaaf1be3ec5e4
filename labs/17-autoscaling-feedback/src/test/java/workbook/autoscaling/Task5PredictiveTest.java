package workbook.autoscaling;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

@Task(5)
class Task5PredictiveTest {

    private static final int NINE = 9 * 60;

    private static int lead() {
        return Lab.FLEET.bootMinutes() + Lab.FLEET.warmupMinutes() + 2;
    }

    private static Predictive predictive(ScalingPolicy reactive) {
        return new Predictive(SeasonalForecast.fromHistory(Lab.HISTORY), Lab.FLEET, 0.6, lead(), reactive);
    }

    @Test
    void learnsTheDailyShape() {
        SeasonalForecast forecast = SeasonalForecast.fromHistory(Lab.HISTORY);
        assertThat(forecast.loadRps(3 * 60)).as("forecast load at 3:00 (the night runs at 200 rps)").isCloseTo(200, within(20.0));
        assertThat(forecast.loadRps(NINE + 5)).as("forecast load at 9:05 (the spike runs at 2000 rps)").isCloseTo(2000, within(200.0));
        assertThat(forecast.peakRps(NINE - 10, 15))
                .as("the highest forecast from 8:50 for 15 minutes includes the 9:00 spike").isGreaterThan(1800);
        assertThat(forecast.peakRps(NINE - 30, 15)).as("from 8:30 for 15 minutes the spike is not there yet").isLessThan(500);
    }

    @Test
    void oneOddDayDoesNotBendTheForecast() {
        double[] days = new double[14 * Trace.MINUTES_PER_DAY];
        Arrays.fill(days, 100);
        days[3 * Trace.MINUTES_PER_DAY + 14 * 60] = 5000;   // a one-off surge at 14:00 on day 3
        SeasonalForecast forecast = SeasonalForecast.fromHistory(Trace.of(days));
        assertThat(forecast.loadRps(14 * 60))
                .as("13 days at 100 rps and one at 5000 at 14:00: the median says 100; a mean would say 450")
                .isCloseTo(100, within(1e-9));
    }

    @Test
    void needsTwoWeeksOfHistory() {
        assertThatThrownBy(() -> SeasonalForecast.fromHistory(Lab.FIFTEEN_DAYS.firstDays(13)))
                .as("13 days of history are not enough for a 14-day seasonal forecast")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("14");
    }

    // The reactive layer in these tests is the given naive policy, so that Task 5 does not depend on Task 2;
    // Task 6 is where you layer your own.

    @Test
    void theCapacityIsWarmBeforeNine() {
        Run run = Lab.run(predictive(new NaivePolicy()));
        Tick nine = run.tick(NINE * Fleet.TICKS_PER_MINUTE);
        int needed = Lab.FLEET.instancesNeeded(nine.loadRps());
        assertThat(nine.warm())
                .as("warm instances at 9:00, when %.0f rps arrive and need %d: predictive scaling launches them"
                        + " boot + warm-up minutes before the forecast spike", nine.loadRps(), needed)
                .isGreaterThanOrEqualTo(needed);
    }

    @Test
    void theSpikeCostsNearlyNoSloMinutes() {
        double reactiveOnly = Lab.sloMinutesBetween(Lab.run(new NaivePolicy()), NINE - 15, NINE + 45);
        double layered = Lab.sloMinutesBetween(Lab.run(predictive(new NaivePolicy())), NINE - 15, NINE + 45);
        assertThat(layered)
                .as("SLO-violation minutes from 8:45 to 9:45: the naive policy alone has %.1f (it reacts to the spike"
                        + " and then waits for boot and warm-up); predictive plus reactive should have at most 1", reactiveOnly)
                .isLessThanOrEqualTo(1.0);
    }

    @Test
    void theReactiveLayerCatchesWhatTheForecastMissed() {
        double[] day = new double[Trace.MINUTES_PER_DAY];
        for (int m = 0; m < day.length; m++) {
            day[m] = Lab.DAY.loadRps(m) * (m >= 14 * 60 && m < 15 * 60 ? 1.8 : 1.0);   // an unforecast hour at 1.8x
        }
        Run run = Fleet.simulate(Lab.FLEET, Trace.of(day), predictive(new NaivePolicy()), Lab.START_INSTANCES);
        int neededAtBurst = Lab.FLEET.instancesNeeded(day[14 * 60 + 30]);
        int mostDuringBurst = run.between(14 * 60, 15 * 60).stream().mapToInt(Tick::instances).max().orElseThrow();
        assertThat(mostDuringBurst)
                .as("an hour at 1.8x from 14:00 that no history predicted needs about %d instances; the forecast alone"
                        + " plans for the usual afternoon, so the reactive policy must add the rest", neededAtBurst)
                .isGreaterThanOrEqualTo(neededAtBurst);
        assertThat(Lab.sloMinutesBetween(run, 14 * 60 + 15, 15 * 60))
                .as("SLO-violation minutes from 14:15 to 15:00, once the reactive layer has had time to act").isZero();
    }
}
