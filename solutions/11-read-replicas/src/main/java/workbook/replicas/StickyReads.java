package workbook.replicas;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Task 2, by stickiness: for a while after a user writes, that user's reads go to the primary, which
 * has the write; other users' reads still go to the standbys.
 */
public final class StickyReads {
    private final ReplicaRouter router;
    private final Clock clock;
    private final Duration window;
    private final Map<String, Instant> lastWrite = new ConcurrentHashMap<>();

    /** @param window how long after a write the user's reads stay on the primary: longer than the lag you expect */
    public StickyReads(ReplicaRouter router, Clock clock, Duration window) {
        this.router = router;
        this.clock = clock;
        this.window = window;
    }

    /** The server for the user's write (the primary); remembers when the user wrote. */
    public Node forWrite(String user) {
        lastWrite.put(user, clock.instant());
        return router.forWrite();
    }

    /** The server for the user's read: the primary within the window after their last write, else a standby. */
    public Node forRead(String user) {
        Instant wrote = lastWrite.get(user);
        if (wrote != null && clock.instant().isBefore(wrote.plus(window))) {
            return router.forWrite();
        }
        return router.forRead();
    }
}
