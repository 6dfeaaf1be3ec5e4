package workbook.replicas;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Task 1: sends writes and read-write transactions to the primary, and read-only work to the standbys
 * in turn (round-robin). With no standby, everything goes to the primary.
 */
public final class ReplicaRouter {
    private final Node primary;
    private final List<Node> standbys;
    private final AtomicInteger nextRead = new AtomicInteger();

    public ReplicaRouter(Node primary, List<Node> standbys) {
        this.primary = primary;
        this.standbys = List.copyOf(standbys);
    }

    /** The server for a write: always the primary, the only one that accepts them. */
    public Node forWrite() {
        return primary;
    }

    /** The server for a read that may be a little stale: the next standby in turn, or the primary if there is none. */
    public Node forRead() {
        if (standbys.isEmpty()) {
            return primary;
        }
        // floorMod keeps the index valid after the counter wraps past Integer.MAX_VALUE.
        return standbys.get(Math.floorMod(nextRead.getAndIncrement(), standbys.size()));
    }

    /** The server for a transaction: a read-write one must run whole on the primary; a read-only one may use a standby. */
    public Node forTransaction(boolean readOnly) {
        return readOnly ? forRead() : forWrite();
    }

    public Node primary() {
        return primary;
    }
}
