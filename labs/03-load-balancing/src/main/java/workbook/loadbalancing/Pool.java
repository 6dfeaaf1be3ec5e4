package workbook.loadbalancing;

import java.util.List;

/**
 * A named group of servers behind one balancing algorithm (what AWS calls a target group and nginx an
 * upstream), and the passive health state of each server.
 * <p>
 * Passive health checking: the proxy reports how every real request went. After
 * {@code failuresBeforeEjection} failures in a row a server is ejected: it is no longer offered to
 * the balancer, so it stops getting traffic. It comes back after one success (a probe the proxy
 * sends to ejected servers).
 */
public final class Pool {
    private final String name;
    private final Balancer balancer;
    private final int failuresBeforeEjection;
    private final List<Server> servers;

    public Pool(String name, Balancer balancer, int failuresBeforeEjection, List<Server> servers) {
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

    /** A pool that ejects a server after 3 failures in a row. */
    public static Pool of(String name, Balancer balancer, Server... servers) {
        return new Pool(name, balancer, 3, List.of(servers));
    }

    public String name() {
        return name;
    }

    public Balancer balancer() {
        return balancer;
    }

    public int failuresBeforeEjection() {
        return failuresBeforeEjection;
    }

    /** Every server of the pool, up or not. */
    public List<Server> servers() {
        return servers;
    }

    /**
     * Task 5: the servers that may take traffic: every server that is not ejected, in pool order.
     * (As given, every server, even one that has failed a hundred times in a row.)
     */
    public List<Server> available() {
        return servers;
    }

    /** Task 5: the servers ejected by the health checks, waiting for a successful probe. */
    public List<Server> ejected() {
        return List.of();
    }

    /** Task 5: true once the server has failed {@code failuresBeforeEjection} times in a row. */
    public boolean isEjected(Server server) {
        throw new UnsupportedOperationException("Task 5: a server is ejected after failuresBeforeEjection failures in a row");
    }

    /** Task 5: failures of this server since its last success. */
    public int consecutiveFailures(Server server) {
        throw new UnsupportedOperationException("Task 5: count each server's failures since its last success");
    }

    /** Task 5: the server answered (a request or a probe): its failure streak ends and it is back in. */
    public void recordSuccess(Server server) {
        throw new UnsupportedOperationException("Task 5: reset the server's failure streak and readmit it");
    }

    /** Task 5: the server could not be reached or did not answer; eject it at the threshold. */
    public void recordFailure(Server server) {
        throw new UnsupportedOperationException("Task 5: count the failure; at failuresBeforeEjection in a row, eject the server");
    }

    @Override
    public String toString() {
        return name + servers;
    }
}
