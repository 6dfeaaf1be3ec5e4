package workbook.autoscaling;

import java.util.Arrays;

/**
 * A seasonal forecast (Task 5): tomorrow at 9:00 looks like the last 14 days at 9:00. For each minute of
 * the day, keep the median of those 14 days' loads at that minute (the mean of the 7th and 8th smallest),
 * so the daily pattern stays and a burst that happened on one day at a random time does not.
 */
public final class SeasonalForecast {

    public static final int HISTORY_DAYS = 14;

    private final double[] byMinuteOfDay;

    private SeasonalForecast(double[] byMinuteOfDay) {
        this.byMinuteOfDay = byMinuteOfDay;
    }

    /** Learns from the last 14 whole days of {@code history}. */
    public static SeasonalForecast fromHistory(Trace history) {
        if (history.days() < HISTORY_DAYS) {
            throw new IllegalArgumentException("a seasonal forecast needs " + HISTORY_DAYS + " days of history, got "
                    + history.minutes() + " minutes (" + history.days() + " whole days)");
        }
        int firstDay = history.days() - HISTORY_DAYS;
        double[] forecast = new double[Trace.MINUTES_PER_DAY];
        double[] sameMinute = new double[HISTORY_DAYS];
        for (int m = 0; m < forecast.length; m++) {
            for (int d = 0; d < HISTORY_DAYS; d++) {
                sameMinute[d] = history.loadRps((firstDay + d) * Trace.MINUTES_PER_DAY + m);
            }
            Arrays.sort(sameMinute);
            forecast[m] = (sameMinute[HISTORY_DAYS / 2 - 1] + sameMinute[HISTORY_DAYS / 2]) / 2;
        }
        return new SeasonalForecast(forecast);
    }

    /** The expected load at this minute of the day (0 is midnight). */
    public double loadRps(int minuteOfDay) {
        return byMinuteOfDay[Math.floorMod(minuteOfDay, Trace.MINUTES_PER_DAY)];
    }

    /** The highest expected load from {@code fromMinuteOfDay} for {@code minutes} minutes, across midnight if need be. */
    public double peakRps(int fromMinuteOfDay, int minutes) {
        double peak = 0;
        for (int m = fromMinuteOfDay; m < fromMinuteOfDay + minutes; m++) {
            peak = Math.max(peak, loadRps(m));
        }
        return peak;
    }
}
