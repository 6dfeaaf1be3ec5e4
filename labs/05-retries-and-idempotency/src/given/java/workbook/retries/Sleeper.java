package workbook.retries;

import java.time.Duration;

/** Waits between attempts. Tests pass one that moves a fake clock instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
