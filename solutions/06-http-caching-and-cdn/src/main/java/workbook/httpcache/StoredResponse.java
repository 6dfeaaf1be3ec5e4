package workbook.httpcache;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One response an edge keeps, with what it needs to decide later: its directives, when it was
 * stored and how old it already was, the request header values it varies on, and its surrogate keys.
 */
record StoredResponse(int status, HttpHeaders headers, byte[] body, CacheControl directives,
                      Instant storedAt, long ageWhenStored, Map<String, String> varyValues, Set<String> tags) {

    /**
     * Whether a shared cache may store this response to {@code request} (RFC 9111, section 3):
     * explicit freshness (or no-cache), nothing personal, and for a request with Authorization an
     * explicit permission.
     */
    static boolean mayStore(EdgeRequest request, int status, HttpHeaders headers) {
        CacheControl cc = CacheControl.parse(headers.allValues("Cache-Control"));
        boolean explicitFreshness = cc.has("s-maxage") || cc.has("max-age") || cc.has("no-cache");
        boolean authorizedButAllowed = cc.has("public") || cc.has("s-maxage") || cc.has("must-revalidate");
        return status == 200
                && explicitFreshness
                && !cc.has("no-store")
                && !cc.has("private")
                && !varyNames(headers).contains("*")
                && (!request.hasAuthorization() || authorizedButAllowed);
    }

    static StoredResponse of(EdgeRequest request, int status, HttpHeaders headers, byte[] body, Instant now) {
        long upstreamAge = headers.firstValueAsLong("Age").orElse(0);
        return new StoredResponse(status, headers, body, CacheControl.parse(headers.allValues("Cache-Control")),
                now, upstreamAge, valuesOf(request, varyNames(headers)), tagsOf(headers));
    }

    /** After a 304: the same body, with the validators and directives the 304 brought, stored again now. */
    StoredResponse revalidated(HttpHeaders notModified, Instant now) {
        Map<String, List<String>> merged = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        merged.putAll(headers.map());
        notModified.map().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("content-length")) {
                merged.put(name, values);
            }
        });
        HttpHeaders updated = HttpHeaders.of(merged, (name, value) -> true);
        return new StoredResponse(status, updated, body, CacheControl.parse(updated.allValues("Cache-Control")),
                now, notModified.firstValueAsLong("Age").orElse(0), varyValues, tagsOf(updated));
    }

    /** RFC 9111, 4.2.3: the age it had when it arrived plus the time it has spent here. */
    long ageSeconds(Instant now) {
        return ageWhenStored + Math.max(0, Duration.between(storedAt, now).toSeconds());
    }

    /** RFC 9111, 4.2.1: a shared cache uses s-maxage before max-age. */
    long freshnessLifetime() {
        return directives.seconds("s-maxage").orElse(directives.seconds("max-age").orElse(0));
    }

    boolean isFresh(Instant now) {
        return !directives.has("no-cache") && ageSeconds(now) < freshnessLifetime();
    }

    /**
     * Whether a stale copy may still be served under {@code stale-while-revalidate} or {@code stale-if-error}.
     * RFC 9111, 4.2.4: never when a directive forbids it, and for a shared cache {@code s-maxage}
     * does (5.2.2.10: it carries the meaning of {@code proxy-revalidate}).
     */
    boolean staleAllowedBy(String directive, Instant now) {
        if (directives.has("no-cache") || directives.has("must-revalidate") || directives.has("proxy-revalidate")
                || directives.has("s-maxage")) {
            return false;
        }
        long window = directives.seconds(directive).orElse(0);
        return ageSeconds(now) < freshnessLifetime() + window;
    }

    boolean matches(EdgeRequest request) {
        return valuesOf(request, varyValues.keySet()).equals(varyValues);
    }

    String etag() {
        return headers.firstValue("ETag").orElse(null);
    }

    String lastModified() {
        return headers.firstValue("Last-Modified").orElse(null);
    }

    static Set<String> varyNames(HttpHeaders headers) {
        return headers.allValues("Vary").stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(name -> name.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
    }

    /** The values of the named request headers, missing ones as "": what a Vary-ing response is keyed on. */
    private static Map<String, String> valuesOf(EdgeRequest request, Collection<String> names) {
        Map<String, String> values = new TreeMap<>();
        for (String name : names) {
            String value = request.header(name);
            values.put(name, value == null ? "" : value.strip());
        }
        return values;
    }

    private static Set<String> tagsOf(HttpHeaders headers) {
        return headers.allValues("Surrogate-Key").stream()
                .flatMap(value -> Arrays.stream(value.split("\\s+")))
                .collect(Collectors.toSet());
    }
}
