package workbook.stampede;

import io.lettuce.core.api.sync.RedisCommands;
import workbook.labkit.Redis;
import workbook.labkit.testing.Concurrently;

import java.time.Duration;
import java.util.List;

/** Small helpers shared by the tests of this lab. */
final class Support {
    static final String KEY = "widgets:top";
    static final String FIRST_VALUE = "widgets:top=gear,bolt,nut";
    /**
     * The slow query behind the hot key (pg_sleep, so it costs the same on every machine): callers
     * released together all meet the window between the first miss and the rebuilt key, and a test
     * still takes well under a second.
     */
    static final Duration QUERY_TIME = Duration.ofMillis(100);
    /**
     * A slower one, where a test needs more: a rebuild well apart from a cache hit, misses that overlap
     * however late a busy machine starts the callers, or a spread the experiment's 100 ms chart shows.
     */
    static final Duration SLOW_QUERY_TIME = Duration.ofMillis(300);

    /**
     * The longest a test waits for its concurrent callers: above the 8 s a fleet caller may wait for
     * someone else's rebuild, far below the lab kit's 30 s, so a caller stuck for good shows soon.
     */
    static final Duration CALLERS_FINISH_WITHIN = Duration.ofSeconds(10);

    private Support() {
    }

    /** {@code callers} callers released together; fails if one is still running after {@link #CALLERS_FINISH_WITHIN}. */
    static <T> List<Concurrently.Outcome<T>> concurrently(int callers, Concurrently.Call<T> call) {
        return Concurrently.run(callers, CALLERS_FINISH_WITHIN, call);
    }

    /** A Redis connection of its own, as each app instance would have. */
    static RedisCommands<String, String> ownConnection(Redis redis) {
        return redis.newClient().connect().sync();
    }

    /**
     * Fails with the first error a caller saw. An UnsupportedOperationException (a task not started)
     * is rethrown as it is, so the lab kit reports "Task N is not done yet".
     */
    static <T> List<T> valuesOrFail(List<Concurrently.Outcome<T>> outcomes) {
        for (Concurrently.Outcome<T> outcome : outcomes) {
            if (outcome.error() instanceof UnsupportedOperationException notDone) {
                throw notDone;
            }
        }
        for (Concurrently.Outcome<T> outcome : outcomes) {
            if (!outcome.succeeded()) {
                throw new AssertionError("caller " + outcome.caller() + " of " + outcomes.size() + " failed: "
                        + outcome.error(), outcome.error());
            }
        }
        return Concurrently.values(outcomes);
    }

    /** Median of the callers' latencies, in milliseconds. */
    static double medianMillis(List<Long> nanos) {
        List<Long> sorted = nanos.stream().sorted().toList();
        return sorted.get(sorted.size() / 2) / 1e6;
    }
}
