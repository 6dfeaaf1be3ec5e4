package workbook.gateway;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;

import java.time.Clock;
import java.util.Map;

/**
 * Task 5: per-client limits at the gateway. Each API key is on a plan ({@code limit} requests per
 * {@code window}); the count lives in Redis, shared by every gateway instance, in fixed windows
 * aligned on the clock (window number = epoch millis / window millis). A request over the limit is
 * refused; the decision tells the client what is left and when the window ends.
 */
public final class PlanLimits implements ClientLimits {
    /** Count and expiry in one atomic step: no key can be left behind without its TTL. */
    private static final String COUNT = """
            local count = redis.call('INCR', KEYS[1])
            if count == 1 then
              redis.call('PEXPIRE', KEYS[1], ARGV[1])
            end
            return count""";

    private final RedisCommands<String, String> redis;
    private final Map<String, Plan> plansByApiKey;
    private final Clock clock;

    public PlanLimits(RedisCommands<String, String> redis, Map<String, Plan> plansByApiKey, Clock clock) {
        this.redis = redis;
        this.plansByApiKey = Map.copyOf(plansByApiKey);
        this.clock = clock;
    }

    /**
     * Counts the request and decides. {@code remaining} is what is left of the limit after this request
     * (never below 0); {@code resetSeconds} is the time to the end of the current window, rounded up.
     * @throws Rejected for a missing or unknown API key
     */
    @Override
    public Decision check(String apiKey) {
        Plan plan = Plan.forKey(plansByApiKey, apiKey);
        long windowMillis = plan.window().toMillis();
        long now = clock.millis();
        long window = now / windowMillis;
        String key = "ratelimit:" + apiKey + ":" + window;
        long count = redis.eval(COUNT, ScriptOutputType.INTEGER, new String[]{key}, String.valueOf(windowMillis));
        long millisLeft = (window + 1) * windowMillis - now;
        long resetSeconds = (millisLeft + 999) / 1000;
        int remaining = (int) Math.max(0, plan.limit() - count);
        return new Decision(count <= plan.limit(), plan.name(), plan.limit(), plan.window().toSeconds(), remaining, resetSeconds);
    }
}
