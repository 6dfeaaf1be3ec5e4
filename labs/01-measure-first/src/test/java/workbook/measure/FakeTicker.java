package workbook.measure;

import java.util.concurrent.atomic.AtomicLong;

/** A ticker that stands still until a wait or a fake request moves it. Starts at a non-zero time on purpose. */
final class FakeTicker implements Ticker {
    static final long START = 7_000_000_000L;

    private final AtomicLong now = new AtomicLong(START);

    @Override
    public long nanoTime() {
        return now.get();
    }

    @Override
    public void sleepUntil(long deadline) {
        now.accumulateAndGet(deadline, Math::max);
    }

    void advance(long nanos) {
        now.addAndGet(nanos);
    }
}
