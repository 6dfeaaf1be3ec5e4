package workbook.deploy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Task 3: a progressive rollout through steps of traffic (1% -> 5% -> 25% -> 100%). Each step bakes:
 * once it has seen at least {@code minRequests} requests and its bake time has passed with both
 * gates green (error rate at most maxErrorRate, p99 latency at most maxP99, p99 by nearest rank),
 * the next step starts with fresh counts. A red gate at any step (checked once the step has its
 * minimum of requests) halts the rollout and rolls it back to 0%. After the last step has baked,
 * the rollout is complete.
 */
public final class ProgressiveRollout {

    public ProgressiveRollout(List<Integer> steps, RolloutGates gates, Clock clock) {
    }

    /** The share of traffic the new version gets now: 0 after a rollback. */
    public int percent() {
        throw new UnsupportedOperationException("Task 3: return the current step's share (0 once rolled back)");
    }

    public Stage stage() {
        throw new UnsupportedOperationException("Task 3: return where the rollout is");
    }

    /** One request the new version served in the current step. */
    public void record(boolean failed, Duration latency) {
        throw new UnsupportedOperationException("Task 3: count the step's errors and keep its latencies");
    }

    /** Checks the gates: halts and rolls back on a red one, moves on after a green bake. */
    public void evaluate() {
        throw new UnsupportedOperationException("Task 3: check the gates, then the bake time");
    }
}
