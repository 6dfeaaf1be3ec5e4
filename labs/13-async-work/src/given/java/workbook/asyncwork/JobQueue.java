package workbook.asyncwork;

import java.util.Optional;

/** A queue of jobs shared by the API (which enqueues) and the workers (which take, then ack or fail). */
public interface JobQueue {

    /** Adds a job at the tail of the queue. */
    void enqueue(Job job);

    /**
     * Hands the next job to the worker named {@code consumer}, or empty at once when none is waiting
     * (a real worker would block for a while; the tests call again instead).
     */
    Optional<Delivery> take(String consumer);

    /** The worker finished this delivery's work: the queue may forget the job. */
    void ack(Delivery delivery);

    /** The work failed with {@code error}: the queue decides whether the job is tried again. */
    void fail(Delivery delivery, Exception error);
}
