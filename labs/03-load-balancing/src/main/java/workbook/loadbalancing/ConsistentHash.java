package workbook.loadbalancing;

import java.util.List;

/**
 * Consistent hashing with virtual nodes: every server is placed on a ring of hash values at
 * {@code virtualNodes} points; a key goes to the first server point at or after hash(key), wrapping
 * past the end of the ring to its start. Removing one of N servers should move only about 1/N of
 * the keys. Use {@link Hashing#hash(String)}.
 */
public final class ConsistentHash implements Balancer {
    private final int virtualNodes;

    public ConsistentHash(int virtualNodes) {
        if (virtualNodes < 1) {
            throw new IllegalArgumentException("virtualNodes must be 1 or more, got " + virtualNodes);
        }
        this.virtualNodes = virtualNodes;
    }

    @Override
    public Server pick(List<Server> servers, String clientKey) {
        throw new UnsupportedOperationException("Task 3: build a sorted ring (a TreeMap) of " + virtualNodes
                + " points per server, then find the first point at or after hash(clientKey)");
    }
}
