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
}
