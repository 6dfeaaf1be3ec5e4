package workbook.failing;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The front door: at most {@code maxInFlight} requests are queued or running at once. One more is
 * refused at once with 503 and {@code Retry-After}, before it costs a queue slot or a worker: a fast
 * 503 beats a slow timeout.
 * <p>
 * As shipped, it lets everything in: the queue in front of the workers grows without bound.
 */
public final class LoadShedder {
    private final int maxInFlight;
    private final Duration retryAfter;

    public LoadShedder(int maxInFlight, Duration retryAfter) {
        this.maxInFlight = maxInFlight;
        this.retryAfter = retryAfter;
    }

    /** Runs {@code request} if a slot is free; otherwise answers 503 with Retry-After without running it. */
    public Response serve(Supplier<Response> request) {
        return request.get();
    }

    /** Requests admitted and not finished yet. */
    public int inFlight() {
        throw new UnsupportedOperationException("Task 4: count the requests admitted and not finished");
    }
}
