package workbook.loadbalancing;

import java.util.List;

/**
 * The given part of {@link Pool}: its name, its balancer, its servers and its ejection threshold,
 * checked once. {@link Pool} writes the health state: which servers are ejected, and why.
 */
public abstract class PoolBase {
    private final String name;
    private final Balancer balancer;
    private final int failuresBeforeEjection;
    private final List<Server> servers;

    protected PoolBase(String name, Balancer balancer, int failuresBeforeEjection, List<Server> servers) {
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("pool " + name + " needs at least one server");
        }
        if (failuresBeforeEjection < 1) {
            throw new IllegalArgumentException("pool " + name + ": failuresBeforeEjection must be 1 or more, got " + failuresBeforeEjection);
        }
        this.name = name;
        this.balancer = balancer;
        this.failuresBeforeEjection = failuresBeforeEjection;
        this.servers = List.copyOf(servers);
    }

    public String name() {
        return name;
    }

    public Balancer balancer() {
        return balancer;
    }

    /** How many failures in a row eject a server. */
    public int failuresBeforeEjection() {
        return failuresBeforeEjection;
    }

    /** Every server of the pool, up or not, in pool order. */
    public List<Server> servers() {
        return servers;
    }

    @Override
    public String toString() {
        return name + servers;
    }
}
