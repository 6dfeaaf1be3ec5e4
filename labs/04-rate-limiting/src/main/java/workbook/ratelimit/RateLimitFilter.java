package workbook.ratelimit;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;

/**
 * The front door (Task 5): every request names its client in {@code X-API-Key}; the filter asks the
 * limiter, tells the client where it stands on every response, and answers 429 Too Many Requests
 * without calling the endpoint once the client is over its policy. A request with no API key gets 401.
 * <p>
 * Headers follow the IETF draft "RateLimit header fields for HTTP" (draft-ietf-httpapi-ratelimit-headers),
 * written as structured fields (RFC 9651), times in whole seconds rounded up:
 * <pre>
 * RateLimit-Policy: "default";q=100;w=60     the rule: quota q per window of w seconds
 * RateLimit: "default";r=0;t=42              where this client is: r left, full quota back in t seconds
 * Retry-After: 42                            on 429 only: seconds to wait before trying again (at least 1)
 * </pre>
 * <p>
 * STARTER: lets every request through and says nothing, like an API with no limit at all.
 */
public final class RateLimitFilter extends PolicyFilter {

    /** @param limiter the limiter that enforces {@code policy}; give each policy its own, so they never share a count */
    public RateLimitFilter(Policy policy, RateLimiter limiter) {
        super(policy, limiter);
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        // Task 5: ask the limiter, add RateLimit-Policy and RateLimit to every response, answer 429 with
        // Retry-After instead of calling the endpoint when the request is refused, and 401 without an API key.
        chain.doFilter(exchange);
    }
}
