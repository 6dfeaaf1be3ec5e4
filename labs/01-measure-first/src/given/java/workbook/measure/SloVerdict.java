package workbook.measure;

/**
 * The answer of an SLO check: whether the {@code statistic} ("p99") of the measured requests stayed
 * within the budget, with the numbers that decided it and the sample it was computed from (latencies
 * in microseconds).
 */
public record SloVerdict(boolean met, String statistic, long measuredMicros, long budgetMicros,
                         long sampleSize, int warmUpExcluded) {

    @Override
    public String toString() {
        return "SLO " + (met ? "met" : "missed") + ": " + statistic + " " + LatencyReport.readable(measuredMicros)
                + (met ? " <= " : " > ") + "budget " + LatencyReport.readable(budgetMicros) + " over " + sampleSize
                + " requests (" + warmUpExcluded + " warm-up requests excluded)";
    }
}
