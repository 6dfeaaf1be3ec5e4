package workbook.scaling;

import java.net.URI;
import java.util.List;

/**
 * The given part of {@link Fleet}: the instances, the {@link RoundRobinBalancer} in front of them, and
 * closing both. {@link Fleet} writes only {@link Fleet#start}.
 */
public abstract class FleetBase implements AutoCloseable {
    private final List<WorkerApp> instances;
    private final RoundRobinBalancer balancer;

    /** Puts a balancer in front of {@code instances}, which are already running. */
    protected FleetBase(List<WorkerApp> instances) {
        this.instances = List.copyOf(instances);
        this.balancer = RoundRobinBalancer.start(instances.stream().map(WorkerApp::uri).toList());
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
