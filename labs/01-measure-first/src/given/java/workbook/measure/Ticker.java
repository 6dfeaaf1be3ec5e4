package workbook.measure;

import java.util.concurrent.TimeUnit;

/**
 * Time as a load generator needs it: a monotonic clock in nanoseconds and a way to wait for a moment
 * on that clock. {@link #system()} is the real one; the tests pass a fake that moves only when the
 * generator waits or the fake server "works", so a schedule can be checked to the nanosecond.
 */
public interface Ticker {

    /** Now, in nanoseconds on this ticker's own scale (like {@link System#nanoTime()}). */
    long nanoTime();

    /** Returns once {@link #nanoTime()} has reached {@code deadline}; at once when it already has. */
    void sleepUntil(long deadline) throws InterruptedException;

    /** The JVM's monotonic clock, waiting with {@link TimeUnit#sleep}. */
    static Ticker system() {
        return new Ticker() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleepUntil(long deadline) throws InterruptedException {
                for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
                    TimeUnit.NANOSECONDS.sleep(left);
                }
            }
        };
    }
}
