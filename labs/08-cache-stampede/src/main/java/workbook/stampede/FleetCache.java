package workbook.stampede;

import io.lettuce.core.api.sync.RedisCommands;

import java.time.Clock;

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

    public FleetCache(RedisCommands<String, String> redis, Loader loader, FleetPolicy policy, Clock clock) {
        // Task 3: keep what you need; one SingleFlight and one RedisLock per instance.
    }

    /** The value of {@code key}; runs the loader at most once at a time across the fleet. */
    public String get(String key) throws Exception {
        throw new UnsupportedOperationException("Task 3: rebuild under a Redis lock so one instance in the fleet runs the query");
    }
}
