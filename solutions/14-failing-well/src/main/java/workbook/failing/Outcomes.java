package workbook.failing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a group of clients saw: one status and one latency per request. Status 0 means the client got
 * no answer in time. Many client threads record at once.
 */
public final class Outcomes {
    private final List<Long> latenciesNanos = new ArrayList<>();
    private final Map<Integer, Integer> byStatus = new HashMap<>();

    /** Records one request: the status the client saw (0: none) and how long it waited. */
    public synchronized void record(int status, Duration latency) {
        latenciesNanos.add(latency.toNanos());
        byStatus.merge(status, 1, Integer::sum);
    }

    /** Requests recorded. */
    public synchronized int total() {
        return latenciesNanos.size();
    }

    /** Requests answered with this status (0: not answered in time). */
    public synchronized int count(int status) {
        return byStatus.getOrDefault(status, 0);
    }

    /** Requests answered with a 2xx status: the goodput, when the clients ran for a known time. */
    public synchronized int successes() {
        int successes = 0;
        for (Map.Entry<Integer, Integer> entry : byStatus.entrySet()) {
            if (entry.getKey() >= 200 && entry.getKey() < 300) {
                successes += entry.getValue();
            }
        }
        return successes;
    }

    /** Successes over all requests, from 0.0 to 1.0; 0.0 when nothing was recorded. */
    public synchronized double successRate() {
        return latenciesNanos.isEmpty() ? 0.0 : (double) successes() / latenciesNanos.size();
    }

    /**
     * The latency that {@code percent} percent of the requests did not exceed, by the nearest-rank
     * method: sort, then take the value at rank ceil(percent / 100 × n), counting from 1. Failed
     * requests count too, with the time the client waited for them. Zero when nothing was recorded.
     */
    public synchronized Duration percentile(double percent) {
        if (percent <= 0 || percent > 100) {
            throw new IllegalArgumentException("percent must be in (0, 100], got " + percent);
        }
        if (latenciesNanos.isEmpty()) {
            return Duration.ZERO;
        }
        List<Long> sorted = new ArrayList<>(latenciesNanos);
        sorted.sort(null);
        int rank = (int) Math.ceil(percent * sorted.size() / 100);   // multiply first: 99 × 100 / 100 is exactly 99
        return Duration.ofNanos(sorted.get(rank - 1));
    }
}
