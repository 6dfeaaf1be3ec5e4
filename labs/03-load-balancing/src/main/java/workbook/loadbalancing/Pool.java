package workbook.loadbalancing;

import java.util.List;

/**
 * A named group of servers behind one balancing algorithm (what AWS calls a target group and nginx an
 * upstream), and the passive health state of each server.
 * <p>
 * Passive health checking: the proxy reports how every real request went. After
 * {@code failuresBeforeEjection} failures in a row a server is ejected: it is no longer offered to
 * the balancer, so it stops getting traffic. It comes back after one success (a probe the proxy
 * sends to ejected servers). The name, balancer, servers and threshold are given in {@link PoolBase}.
 */
public final class Pool extends PoolBase {
    public Pool(String name, Balancer balancer, int failuresBeforeEjection, List<Server> servers) {
        super(name, balancer, failuresBeforeEjection, servers);
    }

    /** A pool that ejects a server after 3 failures in a row. */
    public static Pool of(String name, Balancer balancer, Server... servers) {
        return new Pool(name, balancer, 3, List.of(servers));
    }

    /**
     * Task 5: the servers that may take traffic: every server that is not ejected, in pool order.
     * (As given, every server, even one that has failed a hundred times in a row.)
     */
    public List<Server> available() {
        return servers();
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
}
