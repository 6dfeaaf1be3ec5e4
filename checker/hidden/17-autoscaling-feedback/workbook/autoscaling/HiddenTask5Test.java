package workbook.autoscaling;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@Task(5)
class HiddenTask5Test {

    @Test
    void yesterdaysBurstIsNotTomorrowsForecast() {
        double[] days = new double[15 * Trace.MINUTES_PER_DAY];
        Arrays.fill(days, 100);
        Arrays.fill(days, 14 * Trace.MINUTES_PER_DAY + 14 * 60, 14 * Trace.MINUTES_PER_DAY + 15 * 60, 900);   // the last day, 14:00-15:00
        SeasonalForecast forecast = SeasonalForecast.fromHistory(Trace.of(days));
        assertThat(forecast.loadRps(14 * 60 + 30))
                .as("one hour at 900 rps yesterday and 100 on the 13 days before: the median of the last 14 says 100")
                .isCloseTo(100, within(1e-9));
    }

    @Test
    void onlyTheLastFourteenDaysCount() {
        double[] days = new double[20 * Trace.MINUTES_PER_DAY];
        Arrays.fill(days, 0, 8 * Trace.MINUTES_PER_DAY, 1000);   // eight old busy days
        Arrays.fill(days, 8 * Trace.MINUTES_PER_DAY, days.length, 100);
        assertThat(SeasonalForecast.fromHistory(Trace.of(days)).loadRps(600))
                .as("20 days of history: the first 8 at 1000 rps; the last 14 days hold only 2 of them, so the median is 100").isCloseTo(100, within(1e-9));
    }

    @Test
    void theLookAheadWrapsPastMidnight() {
        double[] days = new double[14 * Trace.MINUTES_PER_DAY];
        for (int d = 0; d < 14; d++) {
            days[d * Trace.MINUTES_PER_DAY + 3] = 700;   // 00:03 every day
        }
        SeasonalForecast forecast = SeasonalForecast.fromHistory(Trace.of(days));
        assertThat(forecast.peakRps(Trace.MINUTES_PER_DAY - 5, 10))
                .as("from 23:55 for 10 minutes the window reaches 00:03 of the next day").isCloseTo(700, within(1e-9));
    }

    @Test
    void theMedianOfAnEvenNumberOfDaysIsTheMeanOfTheMiddleTwo() {
        double[] loads = {130, 20, 140, 10, 70, 100, 30, 40, 80, 50, 110, 60, 90, 120};   // 10..140, shuffled
        double[] days = new double[14 * Trace.MINUTES_PER_DAY];
        Arrays.fill(days, 100);
        for (int d = 0; d < 14; d++) {
            days[d * Trace.MINUTES_PER_DAY + 600] = loads[d];
        }
        assertThat(SeasonalForecast.fromHistory(Trace.of(days)).loadRps(600))
                .as("14 days at 10:00 with 10, 20, ..., 140 rps (in no order): the median is the mean of the 7th and"
                        + " 8th smallest, (70 + 80) / 2").isCloseTo(75, within(1e-9));
    }

    @Test
    void thePlanCoversTheLeadMinutesAfterThisOne() {
        double[] days = new double[14 * Trace.MINUTES_PER_DAY];
        Arrays.fill(days, 100);
        for (int d = 0; d < 14; d++) {
            days[d * Trace.MINUTES_PER_DAY + 600] = 1000;   // 10:00 every day
        }
        // 100 rps per instance at a 50% target: 50 rps each, so 100 rps plans 2 and 1000 rps plans 20.
        Predictive policy = new Predictive(SeasonalForecast.fromHistory(Trace.of(days)), FleetConfig.standard(), 0.5, 10,
                now -> 1);
        int[][] expected = {{589, 2}, {590, 20}, {599, 20}, {600, 2}};
        for (int[] minuteAndPlan : expected) {
            int minute = minuteAndPlan[0];
            Observation now = new Observation(minute * Fleet.TICKS_PER_MINUTE, 100,
                    java.util.Collections.nCopies(2, new InstanceView(InstanceState.WARM, 3600, 0.5)));
            assertThat(policy.desiredInstances(now))
                    .as("planned at %02d:%02d with a 10-minute lead and 1000 rps forecast at 10:00 only: the lead covers"
                            + " the 10 minutes after this one (%02d:%02d to %02d:%02d)", minute / 60, minute % 60,
                            (minute + 1) / 60, (minute + 1) % 60, (minute + 10) / 60, (minute + 10) % 60)
                    .isEqualTo(minuteAndPlan[1]);
        }
    }

    @Test
    void theTargetAndTheLeadAreChecked() {
        double[] days = new double[14 * Trace.MINUTES_PER_DAY];
        Arrays.fill(days, 100);
        SeasonalForecast forecast = SeasonalForecast.fromHistory(Trace.of(days));
        Predictive edge = new Predictive(forecast, FleetConfig.standard(), 1.0, 1, now -> 0);
        assertThat(edge.desiredInstances(new Observation(0, 100, java.util.List.of())))
                .as("a 100% target and a 1-minute lead are allowed: 100 rps at 100 rps per instance plans 1").isEqualTo(1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Predictive(forecast, FleetConfig.standard(), 0.0, 10, now -> 0))
                .as("a target CPU of 0").isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Predictive(forecast, FleetConfig.standard(), 0.5, 0, now -> 0))
                .as("a lead of 0 minutes").isInstanceOf(IllegalArgumentException.class);
    }
}
