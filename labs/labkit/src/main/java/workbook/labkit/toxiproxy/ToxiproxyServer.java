package workbook.labkit.toxiproxy;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Toxiproxy-compatible server in plain Java, for machines without Docker. Drive it with the
 * official client, exactly as you would drive Shopify's Toxiproxy 2.12:
 * <pre>
 * try (ToxiproxyServer server = ToxiproxyServer.start("127.0.0.1", 0)) {
 *     ToxiproxyClient client = new ToxiproxyClient(server.apiHost(), server.apiPort());
 *     Proxy proxy = client.createProxy("redis", "127.0.0.1:0", "127.0.0.1:6379");
 *     proxy.toxics().latency("slow", ToxicDirection.DOWNSTREAM, 200);
 * }
 * </pre>
 * On a loopback host (what the lab kit uses) everything listens on loopback only: the API and every
 * proxy. On another host, for one fault proxy shared by a lab room, the API listens there and proxies
 * listen wherever they are asked, as with Toxiproxy; see {@link ToxiproxyMain}. All threads are
 * daemon threads, so a server that was never closed does not keep the JVM alive.
 */
public final class ToxiproxyServer implements AutoCloseable {
    private final String host;
    private final HttpApiServer api;
    private final ProxyRegistry registry;
    private final ExecutorService threads;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ToxiproxyServer(String host, HttpApiServer api, ProxyRegistry registry, ExecutorService threads) {
        this.host = host;
        this.api = api;
        this.registry = registry;
        this.threads = threads;
    }

    /**
     * Starts the HTTP API on {@code host:apiPort}.
     *
     * @param host    where the API listens: a loopback address or name such as {@code 127.0.0.1}
     *                (proxies then listen on loopback only), or another address of this machine, or
     *                {@code 0.0.0.0} for every interface (proxies then listen where they are asked)
     * @param apiPort the API port; 0 picks a free one (see {@link #apiPort()})
     * @throws IOException if the port is taken or cannot be opened
     */
    public static ToxiproxyServer start(String host, int apiPort) throws IOException {
        InetAddress address = InetAddress.getByName(host);
        ServerSocket listener = bindApi(new InetSocketAddress(address, apiPort), host);
        ExecutorService threads = Executors.newCachedThreadPool(daemonThreads());
        ProxyRegistry registry = new ProxyRegistry(threads, address.isLoopbackAddress());
        HttpApiServer api = new HttpApiServer(listener, new ApiRoutes(registry), threads);
        return new ToxiproxyServer(host, api, registry, threads);
    }

    /** The port the API listens on: the one asked for, or the one picked when 0 was asked for. */
    public int apiPort() {
        return api.port();
    }

    /** The host the API listens on, as given to {@link #start}. */
    public String apiHost() {
        return host;
    }

    /** Stops the API, every proxy's listener and every live connection. Safe to call twice. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        api.close();
        registry.closeAll();
        threads.shutdownNow();
    }

    /** Fails with a {@link BindException} naming the port when it is taken, with another IOException otherwise. */
    private static ServerSocket bindApi(InetSocketAddress address, String host) throws IOException {
        ServerSocket listener = new ServerSocket();
        try {
            listener.bind(address);
            return listener;
        } catch (IOException e) {
            listener.close();
            if (e instanceof BindException && String.valueOf(e.getMessage()).contains("in use")) {
                BindException inUse = new BindException("Toxiproxy API port " + address.getPort() + " on " + host
                        + " is already in use: another Toxiproxy (a Docker container, or a lab JVM still running) "
                        + "probably holds it. Stop it, or start this server on port 0 to get a free port.");
                inUse.initCause(e);
                throw inUse;
            }
            throw new IOException("Toxiproxy API cannot listen on " + host + ":" + address.getPort() + ": "
                    + e.getMessage(), e);
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "toxiproxy-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
