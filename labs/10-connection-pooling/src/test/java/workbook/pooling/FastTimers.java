package workbook.pooling;

import com.zaxxer.hikari.HikariConfig;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler for HikariCP's one-off timers that fires them {@code speedUp} times sooner. HikariCP
 * refuses a leak threshold under 2 s; with this, a test sees the report of a 2 s threshold after 0.2 s.
 * Its periodic housekeeping keeps its own pace.
 */
final class FastTimers extends ScheduledThreadPoolExecutor implements AutoCloseable {
    private final int speedUp;

    FastTimers(int speedUp) {
        super(1, runnable -> {
            Thread thread = new Thread(runnable, "hikari-fast-timers");
            thread.setDaemon(true);
            return thread;
        });
        this.speedUp = speedUp;
        setRemoveOnCancelPolicy(true); // HikariCP's advice for a scheduler it is given
    }

    /** Gives this scheduler to a pool's configuration. */
    void use(HikariConfig config) {
        config.setScheduledExecutor(this);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return super.schedule(command, unit.toNanos(delay) / speedUp, TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        shutdownNow();
    }
}
