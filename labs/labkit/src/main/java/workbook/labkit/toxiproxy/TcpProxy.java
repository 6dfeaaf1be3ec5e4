package workbook.labkit.toxiproxy;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
    /** True when the server itself listens on loopback: then its proxies do too (see {@link #bindAddress}). */
    private final boolean loopbackOnly;
    private final Set<ProxiedConnection> connections = ConcurrentHashMap.newKeySet();
    // Published whole (copy on write), so pipes read them without taking this proxy's lock.
    private volatile List<Toxic> upstreamToxics = List.of();
    private volatile List<Toxic> downstreamToxics = List.of();
    // Guarded by this.
    /** As given while the proxy is disabled; once it listens, the address it is bound to (as Toxiproxy reports it). */
    private String listen;
    private String upstream;
    private boolean enabled;
    private ServerSocket listener;
    private CountDownLatch acceptLoopEnded;

    /** What the API shows of a proxy, read in one go. */
    record View(String name, String listen, String upstream, boolean enabled, List<Toxic> toxics) {
    }

    TcpProxy(String name, String listen, String upstream, boolean loopbackOnly, ExecutorService threads) {
        this.name = name;
        this.listen = listen;
        this.upstream = upstream;
        this.loopbackOnly = loopbackOnly;
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
        HostPort.Resolved wanted;
        try {
            wanted = HostPort.resolve(listen);
        } catch (ApiException e) {
            throw new ApiException(500, "listen tcp: " + e.getMessage());
        }
        ServerSocket socket = bind(bindAddress(wanted), wanted);
        CountDownLatch ended = new CountDownLatch(1);
        listener = socket;
        acceptLoopEnded = ended;
        // Go listens on every interface with one dual-stack socket and reports it as [::]:port.
        listen = wanted.isWildcard() && !loopbackOnly ? "[::]:" + socket.getLocalPort()
                : HostPort.format(socket.getInetAddress(), socket.getLocalPort());
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

    /**
     * Toxiproxy restarts a proxy (dropping its connections) only when listen or upstream really change.
     * It compares the current listen address with the new one resolved ({@code localhost:0} is
     * {@code 127.0.0.1:0}), so an address that does not resolve is an error (500) here already.
     */
    synchronized boolean differsFrom(String newListen, String newUpstream) throws ApiException {
        return !listen.equals(HostPort.resolve(newListen).toString()) || !upstream.equals(newUpstream);
    }

    /** The new listen address is kept as given until the proxy listens on it. */
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

    /**
     * Where to bind. A server started on loopback keeps its proxies there too: "every interface"
     * ({@code 0.0.0.0}, {@code ::} or no host) means 127.0.0.1, and other addresses are refused, so
     * a lab machine never offers a fault proxy to its network by accident. A server started on
     * another address ({@code --host 0.0.0.0}) binds wherever it is asked, as Toxiproxy does.
     */
    private InetSocketAddress bindAddress(HostPort.Resolved wanted) throws ApiException {
        if (!loopbackOnly) {
            return wanted.address() == null ? new InetSocketAddress(wanted.port())
                    : new InetSocketAddress(wanted.address(), wanted.port());
        }
        if (wanted.isWildcard()) {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), wanted.port());
        }
        if (!wanted.address().isLoopbackAddress()) {
            throw new ApiException(500, "listen tcp " + wanted + ": this Toxiproxy listens on loopback only, "
                    + "because its API does; use 127.0.0.1:" + wanted.port()
                    + ", or start the server with --host 0.0.0.0 to share it with other machines");
        }
        return new InetSocketAddress(wanted.address(), wanted.port());
    }

    /** Binds, or fails with Go's message: {@code listen tcp 127.0.0.1:80: bind: address already in use}. */
    private static ServerSocket bind(InetSocketAddress address, HostPort.Resolved wanted) throws ApiException {
        ServerSocket socket = null;
        try {
            socket = new ServerSocket();
            // Lets a proxy re-enable on its port while old connections linger in TIME_WAIT, as Go does.
            socket.setReuseAddress(true);
            socket.bind(address);
            return socket;
        } catch (IOException e) {
            closeQuietly(socket);
            String reason = String.valueOf(e.getMessage()).replace(" (Bind failed)", "").toLowerCase(Locale.ROOT);
            throw new ApiException(500, "listen tcp " + wanted + ": bind: " + reason);
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
