package workbook.observability;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * A multi-window, multi-burn-rate alert on an availability SLO (the Google SRE workbook's
 * "Alerting on SLOs", its recommended paging rules): page when the error budget burns 14.4 times
 * too fast over both the last hour and the last 5 minutes, or 6 times too fast over both the last
 * 6 hours and the last 30 minutes. The long window says the burn is big enough to matter; the short
 * one says it is still going on, so the page stops soon after the incident does.
 */
public final class ErrorRateAlert implements AlertRule {
    private record Rule(Duration longWindow, Duration shortWindow, double burnRate) {
    }

    private static final Rule[] RULES = {
            new Rule(Duration.ofHours(1), Duration.ofMinutes(5), 14.4),
            new Rule(Duration.ofHours(6), Duration.ofMinutes(30), 6),
    };
    private static final Duration LONGEST = Duration.ofHours(6);

    private final double errorBudget;
    /**
     * Running totals: for each second that saw requests, the requests and errors counted from the
     * first request up to the end of that second. A window's counts are then one subtraction, however
     * long the window. Seconds older than the longest window are dropped, all but the last of them.
     */
    private final TreeMap<Long, long[]> totalsUpTo = new TreeMap<>();
    private long[] totals = {0, 0};

    /** @param slo the availability objective, such as 0.999 (so the error budget is 0.1%) */
    public ErrorRateAlert(double slo) {
        this.errorBudget = 1 - slo;
    }

    @Override
    public void record(Instant at, boolean error) {
        totals = new long[]{totals[0] + 1, totals[1] + (error ? 1 : 0)};
        totalsUpTo.put(at.getEpochSecond(), totals);
        // Keep the totals at the start of the longest window (the last second at or before it): a
        // window's counts are measured from there. Everything older can go.
        Long oldestNeeded = totalsUpTo.floorKey(at.minus(LONGEST).getEpochSecond());
        if (oldestNeeded != null) {
            totalsUpTo.headMap(oldestNeeded).clear();
        }
    }

    @Override
    public boolean firing(Instant now) {
        for (Rule rule : RULES) {
            double threshold = rule.burnRate() * errorBudget;
            if (errorRate(now, rule.longWindow()) > threshold && errorRate(now, rule.shortWindow()) > threshold) {
                return true;
            }
        }
        return false;
    }

    /** Errors over requests in the seconds (now - window, now]; 0 when there were no requests. */
    private double errorRate(Instant now, Duration window) {
        long[] atEnd = totalsAt(now.getEpochSecond());
        long[] atStart = totalsAt(now.minus(window).getEpochSecond());
        long requests = atEnd[0] - atStart[0];
        return requests == 0 ? 0 : (double) (atEnd[1] - atStart[1]) / requests;
    }

    /** The running totals at the end of a second: those of the last second with requests, up to it. */
    private long[] totalsAt(long second) {
        Map.Entry<Long, long[]> entry = totalsUpTo.floorEntry(second);
        return entry == null ? new long[]{0, 0} : entry.getValue();
    }
}
