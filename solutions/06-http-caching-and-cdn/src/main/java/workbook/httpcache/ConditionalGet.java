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
     * A product page with validators. Its version is known without rendering, so the ETag and the 304
     * decision come first and a 304 costs no rendering at all.
     */
    static Optional<String> productPage(Origin.Product product, Headers request, Headers response, Supplier<String> render) {
        response.set("ETag", product.etag());
        response.set("Last-Modified", Validators.httpDate(product.updatedAt()));
        if (Validators.notModified(request.getFirst("If-None-Match"), request.getFirst("If-Modified-Since"),
                product.etag(), product.updatedAt())) {
            return Optional.empty();
        }
        return Optional.of(render.get());
    }

    /** Search results have no version to look up, so the ETag is a hash of the rendered body. */
    static Optional<String> search(String body, Headers request, Headers response) {
        String etag = Validators.strongEtag(body);
        response.set("ETag", etag);
        if (Validators.ifNoneMatchHits(request.getFirst("If-None-Match"), etag)) {
            return Optional.empty(); // rendered, but the body does not travel
        }
        return Optional.of(body);
    }
}
