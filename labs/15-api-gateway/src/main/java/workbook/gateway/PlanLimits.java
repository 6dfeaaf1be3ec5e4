package workbook.gateway;

import io.lettuce.core.api.sync.RedisCommands;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Task 5: per-client limits at the gateway. Each API key is on a plan ({@code limit} requests per
 * {@code window}); the count lives in Redis, shared by every gateway instance, in fixed windows
 * aligned on the clock (window number = epoch millis / window millis). A request over the limit is
 * refused; the decision tells the client what is left and when the window ends.
 */
public final class PlanLimits implements ClientLimits {
    private final Map<String, Plan> plansByApiKey;
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    public PlanLimits(RedisCommands<String, String> redis, Map<String, Plan> plansByApiKey, Clock clock) {
        // Naive: no Redis, no clock.
        this.plansByApiKey = plansByApiKey;
    }

    /**
     * Counts the request and decides. {@code remaining} is what is left of the limit after this request
     * (never below 0); {@code resetSeconds} is the time to the end of the current window, rounded up.
     * @throws Rejected for a missing or unknown API key
     */
    @Override
    public Decision check(String apiKey) {
        Plan plan = Plan.forKey(plansByApiKey, apiKey);
        // Naive: counts in this gateway's memory only, and the count never starts again.
        int count = counts.computeIfAbsent(apiKey, key -> new AtomicInteger()).incrementAndGet();
        long window = plan.window().toSeconds();
        return new Decision(count <= plan.limit(), plan.name(), plan.limit(), window, Math.max(0, plan.limit() - count), window);
    }
}
