package workbook.replicas;

import java.util.List;

/**
 * Task 1: sends writes and read-write transactions to the primary, and read-only work to the standbys
 * in turn (round-robin). With no standby, everything goes to the primary.
 */
public final class ReplicaRouter {
    private final Node primary;
    private final List<Node> standbys;

    public ReplicaRouter(Node primary, List<Node> standbys) {
        this.primary = primary;
        this.standbys = List.copyOf(standbys);
    }

    /** The server for a write: always the primary, the only one that accepts them. */
    public Node forWrite() {
        throw new UnsupportedOperationException("Task 1: send writes to the primary");
    }

    /** The server for a read that may be a little stale: the next standby in turn, or the primary if there is none. */
    public Node forRead() {
        throw new UnsupportedOperationException("Task 1: send reads to the standbys in turn");
    }

    /** The server for a transaction: a read-write one must run whole on the primary; a read-only one may use a standby. */
    public Node forTransaction(boolean readOnly) {
        throw new UnsupportedOperationException("Task 1: route a transaction by whether it is read-only");
    }

    public Node primary() {
        return primary;
    }
}
