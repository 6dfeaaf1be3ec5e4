package workbook.failing;

import java.time.Duration;

/**
 * What a group of clients saw: one status and one latency per request. Status 0 means the client got
 * no answer in time. Many client threads record at once.
 */
public final class Outcomes {

    /** Records one request: the status the client saw (0: none) and how long it waited. */
    public void record(int status, Duration latency) {
        throw new UnsupportedOperationException("Task 1: keep every status and latency, safely from many threads");
    }

    /** Requests recorded. */
    public int total() {
        throw new UnsupportedOperationException("Task 1: count the requests recorded");
    }

    /** Requests answered with this status (0: not answered in time). */
    public int count(int status) {
        throw new UnsupportedOperationException("Task 1: count the requests answered with one status");
    }

    /** Requests answered with a 2xx status: the goodput, when the clients ran for a known time. */
    public int successes() {
        throw new UnsupportedOperationException("Task 1: count the 2xx answers");
    }

    /** Successes over all requests, from 0.0 to 1.0; 0.0 when nothing was recorded. */
    public double successRate() {
        throw new UnsupportedOperationException("Task 1: successes over all requests");
    }

    /**
     * The latency that {@code percent} percent of the requests did not exceed, by the nearest-rank
     * method: sort, then take the value at rank ceil(percent / 100 × n), counting from 1. Failed
     * requests count too, with the time the client waited for them. Zero when nothing was recorded.
     */
    public Duration percentile(double percent) {
        throw new UnsupportedOperationException("Task 1: the nearest-rank percentile of the latencies");
    }
}
