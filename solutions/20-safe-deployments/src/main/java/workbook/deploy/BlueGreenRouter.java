package workbook.deploy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Task 1: blue-green with connection draining. All traffic goes to the live version. A switch makes
 * the other one live at once, then waits until the requests still in flight on the old version
 * have finished, so that the deploy script may stop it without cutting anyone off. Rolling back is
 * the same switch the other way. Safe to share between the balancer's threads.
 */
public final class BlueGreenRouter implements Router {
    private final Map<ServiceVersion, Integer> inFlight = new HashMap<>();
    private ServiceVersion live;

    public BlueGreenRouter(ServiceVersion live) {
        this.live = live;
    }

    public synchronized ServiceVersion live() {
        return live;
    }

    /** Picks the live version and counts the request as in flight there, in one step. */
    @Override
    public synchronized ServiceVersion begin(String user) {
        inFlight.merge(live, 1, Integer::sum);
        return live;
    }

    @Override
    public synchronized void end(ServiceVersion version, int status) {
        inFlight.merge(version, -1, Integer::sum);
        notifyAll();
    }

    /** Requests begun on this version and not ended yet. */
    public synchronized int inFlight(ServiceVersion version) {
        return inFlight.getOrDefault(version, 0);
    }

    /**
     * Makes {@code target} live for every new request, then waits (at most {@code drainTimeout})
     * for the requests in flight on the previous live version to end.
     *
     * @return true when the previous version is drained, false when the timeout came first
     */
    public synchronized boolean switchTo(ServiceVersion target, Duration drainTimeout) throws InterruptedException {
        ServiceVersion previous = live;
        live = target;
        if (previous == target) {
            return true;
        }
        long deadline = System.nanoTime() + drainTimeout.toNanos();
        // wait() releases the lock, so new requests keep flowing to the target while we drain.
        while (inFlight(previous) > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
