package workbook.replicas;

import java.time.Duration;

/**
 * Task 2, by LSN: a read that must see a write waits, for a bounded time, until the chosen standby has
 * replayed past the write's commit position; if it has not by then, or cannot answer, the read goes to
 * the primary instead, and the fallback is counted.
 */
public final class LsnReads {

    public LsnReads(ReplicaRouter router, Duration maxWait) {
        // Task 2: keep what you need
    }

    /** The server for a read that must see everything up to {@code written}: a standby that has replayed it, else the primary. */
    public Node forReadAfter(Lsn written) throws InterruptedException {
        throw new UnsupportedOperationException("Task 2: wait (bounded) for a standby to replay past the write, else use the primary");
    }

    /** How many reads went to the primary because their standby had not caught up in time. */
    public int fallbacks() {
        throw new UnsupportedOperationException("Task 2: count the reads that fell back to the primary");
    }
}
