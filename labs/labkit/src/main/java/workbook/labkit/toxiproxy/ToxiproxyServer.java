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
 * Everything listens on loopback only. All threads are daemon threads, so a server that was never
 * closed does not keep the JVM alive.
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
     * @param host    a loopback address or name, such as {@code 127.0.0.1} or {@code localhost}
     * @param apiPort the API port; 0 picks a free one (see {@link #apiPort()})
     * @throws IOException if the port is taken or cannot be opened
     */
    public static ToxiproxyServer start(String host, int apiPort) throws IOException {
        InetAddress address = InetAddress.getByName(host);
        if (!address.isLoopbackAddress()) {
            throw new IllegalArgumentException("The lab kit's Toxiproxy only listens on loopback; " + host
                    + " is not a loopback address. Use 127.0.0.1.");
        }
        ServerSocket listener = bindApi(new InetSocketAddress(address, apiPort), host);
        ExecutorService threads = Executors.newCachedThreadPool(daemonThreads());
        ProxyRegistry registry = new ProxyRegistry(threads);
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

    private static ServerSocket bindApi(InetSocketAddress address, String host) throws IOException {
        ServerSocket listener = new ServerSocket();
        try {
            listener.bind(address);
            return listener;
        } catch (BindException e) {
            listener.close();
            throw new IOException("Toxiproxy API port " + address.getPort() + " on " + host + " is already in use: "
                    + "another Toxiproxy (a Docker container, or a lab JVM still running) probably holds it. "
                    + "Stop it, or start this server on port 0 to get a free port.", e);
        } catch (IOException e) {
            listener.close();
            throw e;
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
