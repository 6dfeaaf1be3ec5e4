package workbook.ratelimit;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.time.Duration;

/**
 * The front door (Task 5): every request names its client in {@code X-API-Key}; the filter asks the
 * limiter, tells the client where it stands on every response, and answers 429 Too Many Requests
 * without calling the endpoint once the client is over its policy.
 * <p>
 * Headers follow the IETF draft "RateLimit header fields for HTTP" (draft-ietf-httpapi-ratelimit-headers),
 * which writes them as structured fields (RFC 9651):
 * <pre>
 * RateLimit-Policy: "default";q=100;w=60     the rule: quota q per window of w seconds
 * RateLimit: "default";r=0;t=42              where this client is: r left, full quota back in t seconds
 * Retry-After: 42                            on 429 only: seconds to wait before trying again
 * </pre>
 */
public final class RateLimitFilter extends PolicyFilter {

    /** @param limiter the limiter that enforces {@code policy}; give each policy its own, so they never share a count */
    public RateLimitFilter(Policy policy, RateLimiter limiter) {
        super(policy, limiter);
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        String apiKey = exchange.getRequestHeaders().getFirst(API_KEY_HEADER);
        if (apiKey == null || apiKey.isBlank()) {
            try (exchange) {
                ApiServer.send(exchange, 401, "{\"error\":\"send your API key in the " + API_KEY_HEADER + " header\"}");
            }
            return;
        }
        Decision decision = limiter.tryAcquire(apiKey.strip());

        Headers headers = exchange.getResponseHeaders();
        String name = "\"" + policy.name() + "\"";
        headers.set("RateLimit-Policy", name + ";q=" + policy.quota() + ";w=" + seconds(policy.window()));
        headers.set("RateLimit", name + ";r=" + decision.remaining() + ";t=" + seconds(decision.resetAfter()));
        if (decision.allowed()) {
            chain.doFilter(exchange);
            return;
        }
        try (exchange) {
            headers.set("Retry-After", Long.toString(Math.max(1, seconds(decision.retryAfter()))));
            ApiServer.send(exchange, 429, "{\"error\":\"too many requests for policy " + policy.name()
                    + "; retry in " + headers.getFirst("Retry-After") + " s\"}");
        }
    }

    /**
     * Whole seconds, rounded up: a client told "0" would come back at once and be refused again, and
     * one told 41 for 41.3 s would come back 300 ms too early.
     */
    static long seconds(Duration duration) {
        return (duration.toNanos() + 999_999_999L) / 1_000_000_000L;
    }
}
