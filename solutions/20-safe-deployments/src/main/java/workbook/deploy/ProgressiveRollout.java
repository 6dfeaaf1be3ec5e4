package workbook.deploy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Task 3: a progressive rollout through steps of traffic (1% -> 5% -> 25% -> 100%). Each step bakes:
 * once it has seen enough requests and its bake time has passed with both gates green (error rate,
 * p99 latency), the next step starts. A red gate at any step halts the rollout and rolls it back to
 * 0%. After the last step has baked, the rollout is complete.
 */
public final class ProgressiveRollout {
    private final List<Integer> steps;
    private final RolloutGates gates;
    private final Clock clock;
    private final List<Duration> latencies = new ArrayList<>();
    private int step;
    private int errors;
    private Instant stepStarted;
    private Stage stage = Stage.ROLLING_OUT;

    public ProgressiveRollout(List<Integer> steps, RolloutGates gates, Clock clock) {
        this.steps = List.copyOf(steps);
        this.gates = gates;
        this.clock = clock;
        this.stepStarted = clock.instant();
    }

    /** The share of traffic the new version gets now: 0 after a rollback. */
    public synchronized int percent() {
        return stage == Stage.ROLLED_BACK ? 0 : steps.get(step);
    }

    public synchronized Stage stage() {
        return stage;
    }

    /** One request the new version served in the current step. */
    public synchronized void record(boolean failed, Duration latency) {
        latencies.add(latency);
        if (failed) {
            errors++;
        }
    }

    /** Checks the gates: halts and rolls back on a red one, moves on after a green bake. */
    public synchronized void evaluate() {
        if (stage != Stage.ROLLING_OUT || latencies.size() < gates.minRequests()) {
            return;
        }
        double errorRate = (double) errors / latencies.size();
        if (errorRate > gates.maxErrorRate() || p99().compareTo(gates.maxP99()) > 0) {
            stage = Stage.ROLLED_BACK;
            return;
        }
        Instant now = clock.instant();
        if (Duration.between(stepStarted, now).compareTo(gates.bake()) < 0) {
            return;
        }
        if (step == steps.size() - 1) {
            stage = Stage.COMPLETE;
            return;
        }
        step++;
        stepStarted = now;
        latencies.clear();
        errors = 0;
    }

    /** Nearest rank: the smallest latency that at least 99% of the step's requests do not exceed. */
    private Duration p99() {
        List<Duration> sorted = new ArrayList<>(latencies);
        sorted.sort(null);
        int rank = (int) Math.ceil(0.99 * sorted.size());
        return sorted.get(rank - 1);
    }
}
