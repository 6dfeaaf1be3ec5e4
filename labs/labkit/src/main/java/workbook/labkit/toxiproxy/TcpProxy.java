package workbook.labkit.toxiproxy;

import java.io.Closeable;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One named proxy: listens on {@code listen}, and for each client opens a connection to
 * {@code upstream} and pipes bytes both ways through its toxics.
 */
final class TcpProxy {
    private static final int UPSTREAM_CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final long ACCEPT_THREAD_EXIT_MILLIS = 2_000;

    private final String name;
    private final ExecutorService threads;
    private final Set<ProxiedConnection> connections = ConcurrentHashMap.newKeySet();
    // Published whole (copy on write), so pipes read them without taking this proxy's lock.
    private volatile List<Toxic> upstreamToxics = List.of();
    private volatile List<Toxic> downstreamToxics = List.of();
    // Guarded by this.
    private String listen;
    private String upstream;
    private boolean enabled;
    private ServerSocket listener;
    private CountDownLatch acceptLoopEnded;

    /** What the API shows of a proxy, read in one go. */
    record View(String name, String listen, String upstream, boolean enabled, List<Toxic> toxics) {
    }

    TcpProxy(String name, String listen, String upstream, ExecutorService threads) {
        this.name = name;
        this.listen = listen;
        this.upstream = upstream;
        this.threads = threads;
    }

    String name() {
        return name;
    }

    synchronized View view() {
        return new View(name, listen, upstream, enabled, allToxics());
    }

    /** Opens the listener. With port 0 the system picks a free port, and {@code listen} reports it from then on. */
    synchronized void enable() throws ApiException {
        if (enabled) {
            return;
        }
        InetSocketAddress address = HostPort.parseListen(listen);
        ServerSocket socket = bind(address);
        CountDownLatch ended = new CountDownLatch(1);
        listener = socket;
        acceptLoopEnded = ended;
        listen = HostPort.format(socket.getInetAddress(), socket.getLocalPort());
        enabled = true;
        threads.execute(() -> {
            try {
                acceptClients(socket);
            } finally {
                ended.countDown();
            }
        });
    }

    /** Closes the listener (new clients are refused) and every live connection. */
    synchronized void disable() {
        if (!enabled) {
            return;
        }
        enabled = false;
        try {
            listener.close();
        } catch (IOException ignored) {
            // already closed
        }
        listener = null;
        awaitAcceptLoopEnd();
        for (ProxiedConnection connection : connections) {
            connection.close();
        }
        connections.clear();
    }

    /** Toxiproxy restarts a proxy (dropping its connections) only when listen or upstream really change. */
    synchronized boolean differsFrom(String newListen, String newUpstream) {
        return !listen.equals(newListen) || !upstream.equals(newUpstream);
    }

    synchronized void update(String newListen, String newUpstream, boolean newEnabled) throws ApiException {
        if (differsFrom(newListen, newUpstream)) {
            disable();
            listen = newListen;
            upstream = newUpstream;
        }
        if (newEnabled) {
            enable();
        } else {
            disable();
        }
    }

    List<Toxic> toxics(Direction direction) {
        return direction == Direction.UPSTREAM ? upstreamToxics : downstreamToxics;
    }

    /** Upstream toxics first, then downstream, each in the order they were added (as Toxiproxy lists them). */
    List<Toxic> allToxics() {
        List<Toxic> all = new ArrayList<>(upstreamToxics);
        all.addAll(downstreamToxics);
        return all;
    }

    synchronized Toxic toxic(String toxicName) throws ApiException {
        for (Toxic toxic : allToxics()) {
            if (toxic.name().equals(toxicName)) {
                return toxic;
            }
        }
        throw ApiException.notFound("toxic not found");
    }

    synchronized void addToxic(Toxic toxic) throws ApiException {
        if (hasToxic(toxic.name())) {
            throw ApiException.conflict("toxic already exists");
        }
        List<Toxic> chain = new ArrayList<>(toxics(toxic.stream()));
        chain.add(toxic);
        publish(toxic.stream(), chain);
    }

    /** Replaces the toxic of the same name in place, keeping its position in the chain. */
    synchronized void replaceToxic(Toxic updated) throws ApiException {
        List<Toxic> chain = new ArrayList<>(toxics(updated.stream()));
        for (int i = 0; i < chain.size(); i++) {
            if (chain.get(i).name().equals(updated.name())) {
                chain.set(i, updated);
                publish(updated.stream(), chain);
                return;
            }
        }
        throw ApiException.notFound("toxic not found");
    }

    synchronized void removeToxic(String toxicName) throws ApiException {
        Toxic toxic = toxic(toxicName);
        List<Toxic> chain = new ArrayList<>(toxics(toxic.stream()));
        chain.remove(toxic);
        publish(toxic.stream(), chain);
    }

    synchronized void removeAllToxics() {
        publish(Direction.UPSTREAM, List.of());
        publish(Direction.DOWNSTREAM, List.of());
    }

    private boolean hasToxic(String toxicName) {
        return allToxics().stream().anyMatch(toxic -> toxic.name().equals(toxicName));
    }

    private void publish(Direction direction, List<Toxic> chain) {
        if (direction == Direction.UPSTREAM) {
            upstreamToxics = List.copyOf(chain);
        } else {
            downstreamToxics = List.copyOf(chain);
        }
        for (ProxiedConnection connection : connections) {
            connection.toxicsChanged();
        }
    }

    private ServerSocket bind(InetSocketAddress address) throws ApiException {
        String where = HostPort.format(address.getAddress(), address.getPort());
        ServerSocket socket = null;
        try {
            socket = new ServerSocket();
            // Lets a proxy re-enable on its port while old connections linger in TIME_WAIT, as Go does.
            socket.setReuseAddress(true);
            socket.bind(address);
            return socket;
        } catch (IOException e) {
            closeQuietly(socket);
            if (e instanceof BindException && String.valueOf(e.getMessage()).contains("in use")) {
                throw new ApiException(500, "listen tcp " + where + ": address already in use: port "
                        + address.getPort() + " is taken by another proxy or program; delete or disable "
                        + "that proxy, stop the program, or listen on port 0 to get a free port");
            }
            throw new ApiException(500, "listen tcp " + where + ": " + e.getMessage());
        }
    }

    /**
     * The JDK frees a listening port only once the thread blocked in accept() has woken up and left,
     * so wait for it: otherwise re-enabling on the same port right away can fail with "in use".
     */
    private void awaitAcceptLoopEnd() {
        try {
            acceptLoopEnded.await(ACCEPT_THREAD_EXIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptClients(ServerSocket socket) {
        while (true) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException closed) {
                return; // disable() closed the listener
            }
            try {
                threads.execute(() -> connect(socket, client));
            } catch (RejectedExecutionException serverClosing) {
                closeQuietly(client);
                return;
            }
        }
    }

    private void connect(ServerSocket acceptedBy, Socket client) {
        String target;
        synchronized (this) {
            target = upstream;
        }
        Socket upstreamSocket = new Socket();
        try {
            // Go sets TCP_NODELAY on every TCP connection; without it small writes wait for Nagle's algorithm.
            client.setTcpNoDelay(true);
            upstreamSocket.setTcpNoDelay(true);
            upstreamSocket.connect(HostPort.parseUpstream(target), UPSTREAM_CONNECT_TIMEOUT_MILLIS);
        } catch (IOException | ApiException | IllegalArgumentException upstreamUnreachable) {
            // Toxiproxy closes the client when the upstream cannot be reached; the client sees EOF.
            closeQuietly(client);
            closeQuietly(upstreamSocket);
            return;
        }
        ProxiedConnection connection = new ProxiedConnection(client, upstreamSocket, this::toxics, connections::remove);
        synchronized (this) {
            if (listener != acceptedBy) { // disabled while we were connecting
                connection.close();
                return;
            }
            connections.add(connection);
        }
        try {
            connection.start(threads);
        } catch (RejectedExecutionException serverClosing) {
            connection.close();
        }
    }

    private static void closeQuietly(Closeable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
    }
}
