package workbook.asyncwork;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.StreamMessage;
import workbook.labkit.Redis;
import workbook.labkit.Toxi;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Shared test helpers: connections, counts, draining a queue. */
final class Lab {
    private Lab() {
    }

    /** A connection to the class's Redis database. */
    static StatefulRedisConnection<String, String> connect(Redis redis) {
        return redis.newClient().connect();
    }

    /**
     * A connection through a proxy that fails fast once the proxy is cut (no reconnect, no buffering),
     * the way a server sees Redis vanish.
     */
    static StatefulRedisConnection<String, String> connectThrough(Redis redis, Toxi.Proxied proxy) {
        RedisURI uri = redis.uri(proxy);
        uri.setTimeout(Duration.ofSeconds(2));
        RedisClient client = redis.newClient(uri);
        client.setOptions(ClientOptions.builder().autoReconnect(false)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
        return client.connect();
    }

    static long count(DataSource db, String sql) {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet row = s.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
    }

    /** Takes and acks every job the queue hands to one consumer, at most {@code limit}. */
    static List<Job> drain(JobQueue queue, String consumer, int limit) {
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < limit; i++) {
            Optional<Delivery> next = queue.take(consumer);
            if (next.isEmpty()) {
                break;
            }
            jobs.add(next.get().job());
            queue.ack(next.get());
        }
        return jobs;
    }

    /** The entries of a stream, oldest first. */
    static List<StreamMessage<String, String>> entries(Redis redis, String stream) {
        return redis.commands().xrange(stream, io.lettuce.core.Range.create("-", "+"));
    }
}
