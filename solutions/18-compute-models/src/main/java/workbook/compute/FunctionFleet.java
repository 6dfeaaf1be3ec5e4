package workbook.compute;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Task 2: the instances of one function, simulated on a fake timeline. Each instance runs one
 * request at a time. A request that finds an idle warm instance runs at once; otherwise a new
 * instance starts (a cold start) and the request waits for it. An on-demand instance left idle for
 * {@code keepAlive} is reclaimed; provisioned instances exist from the start and are never reclaimed.
 * Requests must be given in the order they arrive.
 */
public final class FunctionFleet {
    private final Duration keepAlive;
    private final ColdStarts coldStarts;
    private final List<Instance> instances = new ArrayList<>();
    private int coldStartCount;

    private static final class Instance {
        final boolean provisioned;
        Instant busyUntil;

        Instance(boolean provisioned, Instant busyUntil) {
            this.provisioned = provisioned;
            this.busyUntil = busyUntil;
        }
    }

    public FunctionFleet(Duration keepAlive, int provisioned, ColdStarts coldStarts) {
        this.keepAlive = keepAlive;
        this.coldStarts = coldStarts;
        for (int i = 0; i < provisioned; i++) {
            instances.add(new Instance(true, Instant.MIN));
        }
    }

    /**
     * A request arriving at {@code at} that needs {@code work} once it runs; returns its latency.
     * Picks an idle provisioned instance first (it is paid for anyway), else the idle on-demand
     * instance that finished last, so that the others can expire.
     */
    public Duration invoke(Instant at, Duration work) {
        // Reclaim on-demand instances that have been idle for the whole keep-alive.
        instances.removeIf(instance -> !instance.provisioned && !at.isBefore(instance.busyUntil.plus(keepAlive)));
        Instance chosen = null;
        for (Instance instance : instances) {
            if (instance.busyUntil.isAfter(at)) {
                continue;
            }
            if (chosen == null || better(instance, chosen)) {
                chosen = instance;
            }
        }
        if (chosen != null) {
            chosen.busyUntil = at.plus(work);
            return work;
        }
        coldStartCount++;
        Duration latency = coldStarts.next().plus(work);
        instances.add(new Instance(false, at.plus(latency)));
        return latency;
    }

    private static boolean better(Instance candidate, Instance current) {
        if (candidate.provisioned != current.provisioned) {
            return candidate.provisioned;
        }
        return candidate.busyUntil.isAfter(current.busyUntil);
    }

    /** Requests so far that had to wait for a new instance. */
    public int coldStarts() {
        return coldStartCount;
    }

    /** Instances alive now (provisioned, and on-demand ones not yet reclaimed at the last request). */
    public int instances() {
        return instances.size();
    }
}
