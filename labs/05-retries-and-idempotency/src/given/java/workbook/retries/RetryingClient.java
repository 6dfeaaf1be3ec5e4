package workbook.retries;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Sends a request, and again while the {@link RetryPolicy} says another attempt is worth making and
 * the {@link RetryBudget} (if any) still has a retry to spend. It is complete: the decisions are
 * yours, in {@code RetryPolicy} (Tasks 1 and 2) and {@code RetryBudget} (Task 3).
 */
public final class RetryingClient {
    private final RetryPolicy policy;
    private final Optional<RetryBudget> budget;
    private final Clock clock;
    private final Sleeper sleeper;

    /** A client with no retry budget: only the policy limits its retries. */
    public RetryingClient(RetryPolicy policy, Clock clock, Sleeper sleeper) {
        this(policy, clock, sleeper, Optional.empty());
    }

    public RetryingClient(RetryPolicy policy, RetryBudget budget, Clock clock, Sleeper sleeper) {
        this(policy, clock, sleeper, Optional.of(budget));
    }

    private RetryingClient(RetryPolicy policy, Clock clock, Sleeper sleeper, Optional<RetryBudget> budget) {
        this.policy = policy;
        this.budget = budget;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * The last reply, or the last connection error when no attempt got a reply.
     *
     * @throws IOException the last attempt's error, when it had no reply
     */
    public Reply send(Request request, Transport transport) throws IOException {
        budget.ifPresent(RetryBudget::recordRequest);
        for (int attempt = 1; ; attempt++) {
            Optional<Reply> reply;
            IOException error = null;
            try {
                reply = Optional.of(transport.send(request));
                if (reply.get().successful()) {
                    return reply.get();
                }
            } catch (IOException e) {
                reply = Optional.empty();
                error = e;
            }
            Optional<Duration> wait = policy.delayBeforeNextAttempt(request, attempt, reply, clock.instant());
            if (wait.isEmpty() || !budget.map(RetryBudget::tryRetry).orElse(true)) {
                if (reply.isPresent()) {
                    return reply.get();
                }
                throw error;
            }
            pause(wait.get());
        }
    }

    private void pause(Duration duration) throws IOException {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting to retry", e);
        }
    }
}
