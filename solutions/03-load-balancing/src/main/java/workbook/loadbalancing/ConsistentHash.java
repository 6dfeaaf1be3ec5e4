package workbook.loadbalancing;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Consistent hashing with virtual nodes. Every server is placed on a ring of 64-bit hash values at
 * {@code virtualNodes} points, hash("name#0"), hash("name#1")...; a key goes to the first server
 * point at or after hash(key), wrapping past the end of the ring to its start.
 * <p>
 * A server's points depend on its name only, not on its position in the list or on the other
 * servers. So when a server leaves, only the keys that were on its arcs move (about 1/N of them),
 * and when one joins it takes keys only from its new arcs. Many points per server make the arcs
 * even, so each server gets close to 1/N of the keys.
 */
public final class ConsistentHash implements Balancer {
    private final int virtualNodes;
    private List<Server> ringServers = List.of();
    private TreeMap<Long, Server> ring = new TreeMap<>();

    public ConsistentHash(int virtualNodes) {
        if (virtualNodes < 1) {
            throw new IllegalArgumentException("virtualNodes must be 1 or more, got " + virtualNodes);
        }
        this.virtualNodes = virtualNodes;
    }

    @Override
    public synchronized Server pick(List<Server> servers, String clientKey) {
        if (!servers.equals(ringServers)) { // the set of servers changed: rebuild the ring once
            ring = buildRing(servers);
            ringServers = List.copyOf(servers);
        }
        Map.Entry<Long, Server> owner = ring.ceilingEntry(Hashing.hash(clientKey));
        return owner != null ? owner.getValue() : ring.firstEntry().getValue();
    }

    private TreeMap<Long, Server> buildRing(List<Server> servers) {
        TreeMap<Long, Server> points = new TreeMap<>();
        for (Server server : servers) {
            for (int i = 0; i < virtualNodes; i++) {
                points.put(Hashing.hash(server.name() + "#" + i), server);
            }
        }
        return points;
    }
}
