package workbook.autoscaling;

/**
 * A seasonal forecast (Task 5): tomorrow at 9:00 looks like the last 14 days at 9:00. For each minute of
 * the day, keep the median of those 14 days' loads at that minute (the mean of the 7th and 8th smallest),
 * so the daily pattern stays and a burst that happened on one day at a random time does not.
 */
public final class SeasonalForecast {

    public static final int HISTORY_DAYS = 14;

    private SeasonalForecast() {
    }

    /** Learns from the last 14 whole days of {@code history}; fewer than 14 days is an IllegalArgumentException. */
    public static SeasonalForecast fromHistory(Trace history) {
        throw new UnsupportedOperationException("Task 5: for each minute of the day, the median load of the last 14 days");
    }

    /** The expected load at this minute of the day (0 is midnight; 1440 is midnight again). */
    public double loadRps(int minuteOfDay) {
        throw new UnsupportedOperationException("Task 5: look up the forecast for this minute of the day");
    }

    /** The highest expected load from {@code fromMinuteOfDay} for {@code minutes} minutes, across midnight if need be. */
    public double peakRps(int fromMinuteOfDay, int minutes) {
        throw new UnsupportedOperationException("Task 5: the highest forecast in the window, wrapping past midnight");
    }
}
