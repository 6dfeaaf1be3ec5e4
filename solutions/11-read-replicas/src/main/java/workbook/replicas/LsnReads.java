package workbook.replicas;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Task 2, by LSN: a read that must see a write waits, for a bounded time, until the chosen standby has
 * replayed past the write's commit position; if it has not by then, or cannot answer, the read goes to
 * the primary instead, and the fallback is counted.
 */
public final class LsnReads {
    private static final long POLL_MILLIS = 5;

    private final ReplicaRouter router;
    private final Duration maxWait;
    private final AtomicInteger fallbacks = new AtomicInteger();

    public LsnReads(ReplicaRouter router, Duration maxWait) {
        this.router = router;
        this.maxWait = maxWait;
    }

    /** The server for a read that must see everything up to {@code written}: a standby that has replayed it, else the primary. */
    public Node forReadAfter(Lsn written) throws InterruptedException {
        Node candidate = router.forRead();
        if (candidate == router.forWrite()) {
            return candidate;
        }
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            if (replayedPast(candidate, written)) {
                return candidate;
            }
            if (System.nanoTime() - deadline >= 0) {
                break;
            }
            Thread.sleep(POLL_MILLIS);
        }
        fallbacks.incrementAndGet();
        return router.forWrite();
    }

    private static boolean replayedPast(Node standby, Lsn written) {
        try {
            Optional<Lsn> replayed = WalPositions.replayed(standby.dataSource());
            return replayed.isPresent() && replayed.get().reached(written);
        } catch (SQLException unreachable) {
            // A standby that cannot answer has not shown it has the write; the deadline decides.
            return false;
        }
    }

    /** How many reads went to the primary because their standby had not caught up in time. */
    public int fallbacks() {
        return fallbacks.get();
    }
}
