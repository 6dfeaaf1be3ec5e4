package workbook.loadbalancing;

import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One backend behind the load balancer: a name, where it listens, a weight (its capacity relative to
 * the others) and the number of requests it is serving right now.
 * <p>
 * The active-connection count is the signal that least connections and the power of two choices
 * read. Nothing updates it by magic: whoever sends a request to this server calls
 * {@link #connectionOpened()} before and {@link #connectionClosed()} after (the reverse proxy, or a
 * simulation). This class is given; you do not need to change it.
 */
public final class Server {
    private final String name;
    private final URI address;
    private final int weight;
    private final AtomicInteger activeConnections = new AtomicInteger();

    public Server(String name, URI address, int weight) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a server needs a name, got '" + name + "'");
        }
        if (weight < 1) {
            throw new IllegalArgumentException("server " + name + ": weight must be 1 or more, got " + weight);
        }
        this.name = name;
        this.address = address;
        this.weight = weight;
    }

    /** A server with weight 1 and no address, for algorithms that never send a real request. */
    public static Server named(String name) {
        return new Server(name, null, 1);
    }

    /** A server with a weight and no address. */
    public static Server weighted(String name, int weight) {
        return new Server(name, null, weight);
    }

    /** A real HTTP server, such as {@code http://127.0.0.1:8081}, with weight 1. */
    public static Server at(String name, URI address) {
        return new Server(name, address, 1);
    }

    public String name() {
        return name;
    }

    /** Where the reverse proxy forwards requests; null for servers that only exist in a simulation. */
    public URI address() {
        return address;
    }

    public int weight() {
        return weight;
    }

    /** Requests this server is serving right now. */
    public int activeConnections() {
        return activeConnections.get();
    }

    /** Call when a request is sent to this server. */
    public void connectionOpened() {
        activeConnections.incrementAndGet();
    }

    /** Call when this server's response is complete (or the request failed). */
    public void connectionClosed() {
        activeConnections.decrementAndGet();
    }

    @Override
    public String toString() {
        return name;
    }
}
