package workbook.retries;

import workbook.labkit.testing.MutableClock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link Sleeper} that moves a fake clock instead of sleeping, and remembers every wait. */
final class FakeSleeper implements Sleeper {
    private final MutableClock clock;
    private final List<Duration> waits = new ArrayList<>();
    private Runnable onWake = () -> { };

    FakeSleeper(MutableClock clock) {
        this.clock = clock;
    }

    /** Something that happens while the client waits (the network heals, a lease runs out...). */
    FakeSleeper whileWaiting(Runnable action) {
        this.onWake = action;
        return this;
    }

    @Override
    public void sleep(Duration duration) {
        waits.add(duration);
        clock.advance(duration);
        onWake.run();
    }

    List<Duration> waits() {
        return waits;
    }
}
