package workbook.observability;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/** The alert every team writes first: page when more than 1% of the requests of the last minute failed. */
public final class OneMinuteErrorRate implements AlertRule {
    private final Deque<RequestStream.Request> lastMinute = new ArrayDeque<>();
    private long errors;

    @Override
    public void record(Instant at, boolean error) {
        lastMinute.addLast(new RequestStream.Request(at, error));
        errors += error ? 1 : 0;
    }

    @Override
    public boolean firing(Instant now) {
        while (!lastMinute.isEmpty() && !lastMinute.peekFirst().at().isAfter(now.minusSeconds(60))) {
            errors -= lastMinute.removeFirst().error() ? 1 : 0;
        }
        return errors > 0.01 * lastMinute.size();
    }
}
