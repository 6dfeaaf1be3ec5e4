package workbook.asyncwork;

import java.util.Optional;

/**
 * A worker: takes a job from the queue, does it, and acks it after the work succeeded (or reports the
 * failure). One call of {@link #runOnce()} handles at most one job, so tests decide how far workers get.
 */
public record Worker(String name, JobQueue queue, JobHandler handler, CrashPoints crashes) {

    /** Handles the next job; false when the queue had none for this worker. */
    public boolean runOnce() {
        Optional<Delivery> next = queue.take(name);
        if (next.isEmpty()) {
            return false;
        }
        Delivery delivery = next.get();
        crashes.afterTake(name, delivery);
        try {
            handler.handle(delivery.job());
        } catch (Exception error) {
            queue.fail(delivery, error);
            return true;
        }
        queue.ack(delivery);
        return true;
    }

    /** Runs until the queue has nothing for this worker, at most {@code limit} jobs; returns how many it handled. */
    public int drain(int limit) {
        int handled = 0;
        while (handled < limit && runOnce()) {
            handled++;
        }
        return handled;
    }
}
