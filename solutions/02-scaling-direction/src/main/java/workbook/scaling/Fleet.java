package workbook.scaling;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** Several {@link WorkerApp} instances behind one {@link RoundRobinBalancer}: what "scale out" deploys. */
public final class Fleet implements AutoCloseable {
    private final List<WorkerApp> instances;
    private final RoundRobinBalancer balancer;

    private Fleet(List<WorkerApp> instances) {
        this.instances = List.copyOf(instances);
        this.balancer = RoundRobinBalancer.start(instances.stream().map(WorkerApp::uri).toList());
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

    /** Where clients send requests: the balancer. */
    public URI uri() {
        return balancer.uri();
    }

    public List<WorkerApp> instances() {
        return instances;
    }

    @Override
    public void close() {
        balancer.close();
        instances.forEach(WorkerApp::close);
    }
}
