package workbook.scaling;

import java.net.URI;
import java.util.ArrayList;
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
        if (instances < 1) {
            throw new IllegalArgumentException("a fleet needs at least 1 instance, got " + instances);
        }
        List<WorkerApp> apps = new ArrayList<>();
        for (int i = 1; i <= instances; i++) {
            apps.add(WorkerApp.start("worker-" + i, workersPerInstance, downstream));
        }
        return new Fleet(apps);
    }
}
