package workbook.scaling;

import java.net.URI;
import java.util.List;

/**
 * Several {@link WorkerApp} instances behind one {@link RoundRobinBalancer}: what "scale out" deploys.
 * The balancer, {@code uri()}, {@code instances()} and {@code close()} are given in {@link FleetBase}.
 */
public final class Fleet extends FleetBase {
    private Fleet(List<WorkerApp> instances) {
        super(instances);
    }

    /** Starts {@code instances} instances of {@code workersPerInstance} workers each, all calling {@code downstream}. */
    public static Fleet start(int instances, int workersPerInstance, URI downstream) {
        throw new UnsupportedOperationException("Task 4: start `instances` WorkerApps named worker-1, worker-2... behind a RoundRobinBalancer");
    }
}
