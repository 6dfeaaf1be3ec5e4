package workbook.pooling;

/** Task 5: which pools the application opens, for its writes (the primary) and its reads (a replica). */
public final class PoolLayout {
    private PoolLayout() {
    }

    /**
     * The pools for an application that writes to {@code primary} and reads from {@code replica}, with
     * {@code writeConnections} and {@code readConnections} connections for each. A burst of slow reads
     * must not hold up the writes.
     *
     * <p>The starter opens one pool of both sizes together, on the primary, for everything.
     */
    public static EndpointPools create(Endpoint primary, Endpoint replica, int writeConnections, int readConnections) {
        var shared = primary.pool("shared", writeConnections + readConnections);
        return new EndpointPools(shared, shared);
    }
}
