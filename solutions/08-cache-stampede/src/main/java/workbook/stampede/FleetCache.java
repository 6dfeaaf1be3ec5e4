package workbook.stampede;

import io.lettuce.core.api.sync.RedisCommands;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The cache of one app instance in a fleet that shares one Redis. At most one caller in the whole
 * fleet rebuilds a key at a time:
 * <ul>
 *   <li>fresh value in Redis: return it;</li>
 *   <li>stale value (older than {@link FleetPolicy#freshFor()}, still kept for
 *       {@link FleetPolicy#staleFor()}): the caller that wins the {@link RedisLock} rebuilds it and
 *       returns the new value; every other caller returns the stale value at once (Task 4);</li>
 *   <li>no value at all: callers in this instance share one single-flight; it rebuilds if it wins
 *       the lock, otherwise waits (up to {@link FleetPolicy#maxWait()}) for the winner's value (Task 3).</li>
 * </ul>
 * Every key has a lock of its own ({@code lock:<key>}), so keys never wait for each other's rebuilds.
 * A caller that wins the lock just after someone else rebuilt the key serves that value instead of
 * querying again. A caller that waits looks again every few milliseconds (10 is plenty), never in a
 * tight loop that hammers Redis. A value comes back exactly as the loader returned it, whatever
 * characters it holds. Freshness is judged with {@code clock}; Redis drops the key after
 * {@code freshFor + staleFor}.
 */
public final class FleetCache {
    /** How often a caller with nothing to serve looks for the winner's value. */
    private static final long POLL_MILLIS = 10;

    private final RedisCommands<String, String> redis;
    private final Loader loader;
    private final FleetPolicy policy;
    private final Clock clock;
    private final RedisLock lock;
    private final SingleFlight<String, String> flights = new SingleFlight<>();

    public FleetCache(RedisCommands<String, String> redis, Loader loader, FleetPolicy policy, Clock clock) {
        this.redis = redis;
        this.loader = loader;
        this.policy = policy;
        this.clock = clock;
        this.lock = new RedisLock(redis);
    }

    /** The value of {@code key}; runs the loader at most once at a time across the fleet. */
    public String get(String key) throws Exception {
        Entry cached = read(key);
        if (cached == null) {
            // Nothing to serve: the callers of this instance wait together, and one of them takes
            // part in the fleet-wide race for the lock.
            return flights.load(key, () -> rebuildOrWait(key));
        }
        if (cached.isFreshAt(clock.instant())) {
            return cached.value();
        }
        Optional<String> token = lock.tryAcquire(key, policy.lockTtl());
        if (token.isEmpty()) {
            return cached.value(); // someone in the fleet is rebuilding it: serve the stale copy now
        }
        try {
            return rebuild(key);
        } finally {
            releaseQuietly(key, token.get());
        }
    }

    private String rebuildOrWait(String key) throws Exception {
        long deadline = System.nanoTime() + policy.maxWait().toNanos();
        while (true) {
            Entry written = read(key);
            if (written != null) {
                return written.value();
            }
            Optional<String> token = lock.tryAcquire(key, policy.lockTtl());
            if (token.isPresent()) {
                try {
                    return rebuild(key);
                } finally {
                    releaseQuietly(key, token.get());
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("waited " + policy.maxWait().toMillis() + " ms for another instance to rebuild '"
                        + key + "', and the lock is still held: is the lock missing its expiry?");
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** Runs the query and writes the value; the caller holds the lock. */
    private String rebuild(String key) throws Exception {
        // The previous holder may have finished between our read and our lock: do not query twice.
        Entry current = read(key);
        if (current != null && current.isFreshAt(clock.instant())) {
            return current.value();
        }
        String value = loader.load(key);
        Instant freshUntil = clock.instant().plus(policy.freshFor());
        long keepMillis = policy.freshFor().plus(policy.staleFor()).toMillis();
        redis.psetex(key, keepMillis, freshUntil.toEpochMilli() + "|" + value);
        return value;
    }

    private void releaseQuietly(String key, String token) {
        try {
            lock.release(key, token);
        } catch (RuntimeException unreachable) {
            // Redis is gone: the lock's TTL will free it, which is why it has one.
        }
    }

    /** Reads the Redis value {@code "<fresh until, epoch ms>|<value>"}; null if there is none. */
    private Entry read(String key) {
        String raw = redis.get(key);
        if (raw == null) {
            return null;
        }
        // Split at the first bar only: the value may hold bars of its own, or be empty.
        String[] stampAndValue = raw.split("\\|", 2);
        if (stampAndValue.length != 2) {
            throw new IllegalStateException("Redis key '" + key + "' holds '" + raw + "', which FleetCache did not write "
                    + "(expected '<fresh until, epoch ms>|<value>'); use a key of its own for FleetCache");
        }
        return new Entry(Instant.ofEpochMilli(Long.parseLong(stampAndValue[0])), stampAndValue[1]);
    }

    private record Entry(Instant freshUntil, String value) {
        boolean isFreshAt(Instant now) {
            return now.isBefore(freshUntil);
        }
    }
}
