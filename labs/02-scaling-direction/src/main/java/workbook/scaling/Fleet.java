package workbook.scaling;

import java.net.URI;
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
        throw new UnsupportedOperationException("Task 4: start `instances` WorkerApps named worker-1, worker-2... behind a RoundRobinBalancer");
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
