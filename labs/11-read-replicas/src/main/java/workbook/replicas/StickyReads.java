package workbook.replicas;

import java.time.Clock;
import java.time.Duration;

/**
 * Task 2, by stickiness: for a while after a user writes, that user's reads go to the primary, which
 * has the write; other users' reads still go to the standbys.
 */
public final class StickyReads {

    /** @param window how long after a write the user's reads stay on the primary: longer than the lag you expect */
    public StickyReads(ReplicaRouter router, Clock clock, Duration window) {
        // Task 2: keep what you need
    }

    /** The server for the user's write (the primary); remembers when the user wrote. */
    public Node forWrite(String user) {
        throw new UnsupportedOperationException("Task 2: remember when the user wrote, and write on the primary");
    }

    /** The server for the user's read: the primary within the window after their last write, else a standby. */
    public Node forRead(String user) {
        throw new UnsupportedOperationException("Task 2: keep a user's reads on the primary for a while after their write");
    }
}
