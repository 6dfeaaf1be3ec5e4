package workbook.labkit;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import workbook.labkit.infra.Infrastructure;
import workbook.labkit.infra.InfrastructureException;
import workbook.labkit.infra.RedisServerInfo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real Redis server, with keys isolated per test: each test class gets its own logical database
 * (SELECT n), emptied before every test and after the class, so a test never sees another's keys
 * even when the code under test picks its own key names.
 * <pre>
 * &#64;RegisterExtension
 * static final Redis redis = Redis.isolated();
 * ...
 * RedisClient client = redis.newClient();
 * </pre>
 */
public final class Redis implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, AutoCloseable {
    /** Redis has 16 logical databases by default; 0 is left alone for anything run by hand. */
    private static final int DATABASES = 15;
    private static final AtomicInteger NEXT_DATABASE = new AtomicInteger();

    private final List<RedisClient> clients = new ArrayList<>();
    private RedisServerInfo server;
    private int database;
    private RedisClient adminClient;
    private StatefulRedisConnection<String, String> adminConnection;

    private Redis() {
    }

    public static Redis isolated() {
        return new Redis();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        open();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        flush();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    public synchronized Redis open() {
        if (server == null) {
            server = Infrastructure.backend().redis();
            database = 1 + NEXT_DATABASE.getAndIncrement() % DATABASES;
            adminClient = RedisClient.create(uri());
            try {
                adminConnection = adminClient.connect();
            } catch (RuntimeException e) {
                throw new InfrastructureException("Could not connect to Redis at " + uri() + ".",
                        "check that the server is running (./workbook doctor).", e);
            }
            flush();
        }
        return this;
    }

    /** Deletes every key of this test class's database. */
    public void flush() {
        adminConnection.sync().flushdb();
    }

    /** The URI of this test class's database, e.g. {@code redis://127.0.0.1:6379/3}. */
    public RedisURI uri() {
        return RedisURI.builder().withHost(server.host()).withPort(server.port()).withDatabase(database)
                .withTimeout(Duration.ofSeconds(10)).build();
    }

    /** The same database reached through a Toxiproxy proxy (see {@link Toxi#redis(Redis)}). */
    public RedisURI uri(Toxi.Proxied proxy) {
        return RedisURI.builder().withHost(proxy.host()).withPort(proxy.port()).withDatabase(database)
                .withTimeout(Duration.ofSeconds(10)).build();
    }

    public RedisServerInfo server() {
        return server;
    }

    /** A new Lettuce client for this database; shut down with the test class. */
    public synchronized RedisClient newClient() {
        RedisClient client = RedisClient.create(uri());
        clients.add(client);
        return client;
    }

    /** A new Lettuce client for any URI (for example through a proxy); shut down with the test class. */
    public synchronized RedisClient newClient(RedisURI uri) {
        RedisClient client = RedisClient.create(uri);
        clients.add(client);
        return client;
    }

    /** Synchronous commands on a connection owned by the lab kit, for setting up and inspecting keys in tests. */
    public RedisCommands<String, String> commands() {
        return adminConnection.sync();
    }

    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        clients.forEach(client -> client.shutdown(Duration.ZERO, Duration.ofSeconds(2)));
        clients.clear();
        flush();
        adminConnection.close();
        adminClient.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        server = null;
    }
}
