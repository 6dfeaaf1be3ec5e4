package workbook.measure;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Server work that stalls once, like a garbage-collection pause, a lock held too long or a slow
 * failover: the {@code nth} request handled sleeps for {@code stall}; every request (that one too)
 * then takes {@code serviceTime}. With a one-worker {@link LabServer}, every request that arrives
 * during the stall waits behind it. Given.
 */
public final class StallOnce implements LabServer.Work {
    private final int nth;
    private final Duration stall;
    private final Duration serviceTime;
    private final AtomicInteger handled = new AtomicInteger();

    public StallOnce(int nth, Duration stall, Duration serviceTime) {
        this.nth = nth;
        this.stall = stall;
        this.serviceTime = serviceTime;
    }

    @Override
    public void run() throws InterruptedException {
        if (handled.incrementAndGet() == nth) {
            Thread.sleep(stall.toMillis());
        }
        if (!serviceTime.isZero()) {
            Thread.sleep(serviceTime.toMillis(), serviceTime.toNanosPart() % 1_000_000);
        }
    }

    /** How many requests the server has handled so far. */
    public int handled() {
        return handled.get();
    }
}
