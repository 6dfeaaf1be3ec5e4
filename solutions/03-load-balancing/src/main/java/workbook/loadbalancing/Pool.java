package workbook.loadbalancing;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    private final Map<Server, Integer> consecutiveFailures = new HashMap<>();
    private final Set<Server> ejected = new LinkedHashSet<>();

    public Pool(String name, Balancer balancer, int failuresBeforeEjection, List<Server> servers) {
        super(name, balancer, failuresBeforeEjection, servers);
    }

    /** A pool that ejects a server after 3 failures in a row. */
    public static Pool of(String name, Balancer balancer, Server... servers) {
        return new Pool(name, balancer, 3, List.of(servers));
    }

    /** Task 5: the servers that may take traffic: every server that is not ejected, in pool order. */
    public synchronized List<Server> available() {
        return servers().stream().filter(server -> !ejected.contains(server)).toList();
    }

    /** Task 5: the servers ejected by the health checks, waiting for a successful probe. */
    public synchronized List<Server> ejected() {
        return List.copyOf(ejected);
    }

    /** Task 5: true once the server has failed {@code failuresBeforeEjection} times in a row. */
    public synchronized boolean isEjected(Server server) {
        return ejected.contains(server);
    }

    /** Task 5: failures of this server since its last success. */
    public synchronized int consecutiveFailures(Server server) {
        return consecutiveFailures.getOrDefault(server, 0);
    }

    /** Task 5: the server answered (a request or a probe): its failure streak ends and it is back in. */
    public synchronized void recordSuccess(Server server) {
        consecutiveFailures.put(server, 0);
        ejected.remove(server);
    }

    /** Task 5: the server could not be reached or did not answer; eject it at the threshold. */
    public synchronized void recordFailure(Server server) {
        int failures = consecutiveFailures.merge(server, 1, Integer::sum);
        if (failures >= failuresBeforeEjection()) {
            ejected.add(server);
        }
    }
}
