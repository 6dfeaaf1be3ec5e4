package workbook.failing;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * The front door: at most {@code maxInFlight} requests are queued or running at once. One more is
 * refused at once with 503 and {@code Retry-After}, before it costs a queue slot or a worker: a fast
 * 503 beats a slow timeout.
 */
public final class LoadShedder {
    private final int maxInFlight;
    private final Semaphore slots;
    private final String retryAfterSeconds;

    public LoadShedder(int maxInFlight, Duration retryAfter) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, got " + maxInFlight);
        }
        this.maxInFlight = maxInFlight;
        this.slots = new Semaphore(maxInFlight);
        // Retry-After is in whole seconds (RFC 9110 §10.2.3): round up, and never ask for less than 1.
        long seconds = (retryAfter.toMillis() + 999) / 1000;
        this.retryAfterSeconds = String.valueOf(Math.max(1, seconds));
    }

    /** Runs {@code request} if a slot is free; otherwise answers 503 with Retry-After without running it. */
    public Response serve(Supplier<Response> request) {
        if (!slots.tryAcquire()) {     // acquire-or-fail in one step: no check-then-act race
            return new Response(503, Map.of("Retry-After", retryAfterSeconds), "over capacity, retry later");
        }
        try {
            return request.get();
        } finally {
            slots.release();
        }
    }

    /** Requests admitted and not finished yet. */
    public int inFlight() {
        return maxInFlight - slots.availablePermits();
    }
}
