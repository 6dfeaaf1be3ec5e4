package workbook.ratelimit;

import com.sun.net.httpserver.Filter;

/**
 * The given part of {@link RateLimitFilter}: the policy it enforces, the limiter that counts for it,
 * and the header that names the client. {@link RateLimitFilter} writes only
 * {@link Filter#doFilter(com.sun.net.httpserver.HttpExchange, Filter.Chain)}.
 */
public abstract class PolicyFilter extends Filter {
    /** The request header that carries the client's API key. */
    public static final String API_KEY_HEADER = "X-API-Key";

    protected final Policy policy;
    protected final RateLimiter limiter;

    /** @param limiter the limiter that enforces {@code policy}; give each policy its own, so they never share a count */
    protected PolicyFilter(Policy policy, RateLimiter limiter) {
        this.policy = policy;
        this.limiter = limiter;
    }

    @Override
    public String description() {
        return "rate limit '" + policy.name() + "': " + policy.quota() + " per " + policy.window();
    }
}
