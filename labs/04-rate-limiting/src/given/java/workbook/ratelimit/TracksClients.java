package workbook.ratelimit;

/**
 * A limiter that keeps state per client in its own memory. A server that runs for months meets far
 * more clients than are active at once, so such a limiter forgets a client once its state is what a
 * new client's would be (its window is over, its bucket is full again): forgetting it changes no
 * decision, and memory stays proportional to the clients that are active.
 */
public interface TracksClients {

    /** How many clients the limiter holds state for right now. */
    int clientsTracked();
}
