package workbook.labkit;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.ToxicList;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import workbook.labkit.infra.Infrastructure;
import workbook.labkit.infra.InfrastructureException;
import workbook.labkit.infra.ToxiproxyEndpoint;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Toxiproxy for a test class: puts proxies in front of PostgreSQL, Redis or any local TCP port, and
 * cleans up after itself (toxics removed and proxies re-enabled after each test, proxies deleted
 * after the class).
 * <pre>
 * &#64;RegisterExtension
 * static final Toxi toxi = Toxi.create();
 * ...
 * Toxi.Proxied toRedis = toxi.redis(redis);
 * toRedis.toxics().latency("slow", ToxicDirection.DOWNSTREAM, 500);
 * </pre>
 */
public final class Toxi implements AfterEachCallback, AfterAllCallback, AutoCloseable {
    private static final AtomicInteger PROXY_COUNTER = new AtomicInteger();

    private final List<Proxied> created = new ArrayList<>();
    private ToxiproxyClient client;
    private ToxiproxyEndpoint endpoint;

    private Toxi() {
    }

    public static Toxi create() {
        return new Toxi();
    }

    /** A proxy as the test JVM reaches it: connect to {@code host:port} instead of the real server. */
    public record Proxied(Proxy proxy, String host, int port) {
        public ToxicList toxics() {
            return proxy.toxics();
        }

        /** Cuts the connection: closes the listener and every live connection through it. */
        public void disable() {
            try {
                proxy.disable();
            } catch (IOException e) {
                throw new InfrastructureException("Could not disable proxy " + proxy.getName() + ".", "check Toxiproxy is running.", e);
            }
        }

        public void enable() {
            try {
                proxy.enable();
            } catch (IOException e) {
                throw new InfrastructureException("Could not enable proxy " + proxy.getName() + ".", "check Toxiproxy is running.", e);
            }
        }

        public String address() {
            return host + ":" + port;
        }
    }

    public synchronized ToxiproxyClient client() {
        if (client == null) {
            endpoint = Infrastructure.backend().toxiproxy();
            client = new ToxiproxyClient(endpoint.apiHost(), endpoint.apiPort());
        }
        return client;
    }

    public Proxied postgres(Postgres database) {
        var server = database.server();
        return proxy("postgres", server.internalHost() + ":" + server.internalPort());
    }

    public Proxied redis(Redis redis) {
        var server = redis.server();
        return proxy("redis", server.internalHost() + ":" + server.internalPort());
    }

    /** A proxy in front of a TCP port open on this machine, such as an in-JVM HTTP server. */
    public Proxied localPort(String name, int port) {
        client();
        return proxy(name, endpoint.upstreamForLocalPort(port));
    }

    /** A proxy to any upstream, written as Toxiproxy itself must reach it. */
    public synchronized Proxied proxy(String name, String upstream) {
        ToxiproxyClient api = client();
        String uniqueName = name + "-" + PROXY_COUNTER.incrementAndGet();
        try {
            Proxy proxy = api.createProxy(uniqueName, endpoint.nextListenAddress(), upstream);
            ToxiproxyEndpoint.HostPort connect = endpoint.connectAddressFor(proxy.getListen());
            Proxied proxied = new Proxied(proxy, connect.host(), connect.port());
            created.add(proxied);
            return proxied;
        } catch (IOException e) {
            throw new InfrastructureException("Could not create the Toxiproxy proxy " + uniqueName + " to " + upstream + ".",
                    "check that Toxiproxy is running (./workbook doctor).", e);
        }
    }

    /** Removes every toxic and re-enables every proxy this extension created. */
    public synchronized void heal() {
        for (Proxied proxied : created) {
            try {
                for (Toxic toxic : proxied.proxy().toxics().getAll()) {
                    toxic.remove();
                }
                proxied.proxy().enable();
            } catch (IOException e) {
                throw new InfrastructureException("Could not clean up proxy " + proxied.proxy().getName() + ".",
                        "check that Toxiproxy is running.", e);
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        heal();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public synchronized void close() {
        for (Proxied proxied : created) {
            try {
                proxied.proxy().delete();
            } catch (IOException ignored) {
                // already gone
            }
        }
        created.clear();
    }
}
