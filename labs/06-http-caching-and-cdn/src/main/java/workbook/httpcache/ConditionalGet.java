package workbook.httpcache;

import com.sun.net.httpserver.Headers;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Task 2: the origin's conditional GETs. The given {@link Origin} calls these for its two rendered
 * resources, after it has set {@code Cache-Control} and {@code Surrogate-Key}; each adds the
 * validators to the response and decides between {@code 200} with a body and {@code 304 Not Modified}.
 */
final class ConditionalGet {
    private ConditionalGet() {
    }

    /**
     * A product page. Add an ETag and Last-Modified, and answer 304 without rendering.
     *
     * @param request  the request's headers ({@code If-None-Match}, {@code If-Modified-Since})
     * @param response the response's headers, where the validators go
     * @param render   renders the page: the expensive work that {@link Origin#renders()} counts
     * @return the body to send with {@code 200}, or empty to answer {@code 304 Not Modified}
     */
    static Optional<String> productPage(Origin.Product product, Headers request, Headers response, Supplier<String> render) {
        return Optional.of(render.get());
    }

    /**
     * Search results, already rendered: search has no version to look up. Add an ETag made from the
     * body, and answer 304 when it matches.
     *
     * @return the body to send with {@code 200}, or empty to answer {@code 304 Not Modified}
     */
    static Optional<String> search(String body, Headers request, Headers response) {
        return Optional.of(body);
    }
}
