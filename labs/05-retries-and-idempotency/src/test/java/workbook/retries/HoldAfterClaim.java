package workbook.retries;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** Holds the first request that reaches the step after the claim until the test lets it go. */
final class HoldAfterClaim implements IdempotencySteps {
    private final AtomicBoolean first = new AtomicBoolean(true);
    private final CountDownLatch inside = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @Override
    public void afterClaim(String key) {
        if (first.getAndSet(false)) {
            inside.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits (at most 2 s) until the first request is held after its claim. */
    boolean awaitHeld() throws InterruptedException {
        return inside.await(2, TimeUnit.SECONDS);
    }

    void release() {
        release.countDown();
    }
}
