package workbook.httpcache;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A shared HTTP cache (an edge, or the shield when other edges point at it) in front of an upstream
 * (the origin, or a shield). Every response carries {@code X-Cache: HIT | MISS | STALE | REVALIDATED}.
 * Time comes from the injected clock. The server, the upstream client and the 502 for an unreachable
 * upstream are given in {@link EdgeServer}; what to answer ({@link #serve}) and {@link #purge} are yours.
 *
 * <p>The starter is the CDN rule many shops begin with: "cache every GET for 60 seconds". It
 * ignores every header the origin sends (Tasks 3 to 6).
 */
public final class Edge extends EdgeServer {
    private static final Duration CACHE_EVERYTHING_FOR = Duration.ofSeconds(60);

    private final Map<String, Stored> store = new ConcurrentHashMap<>();

    private record Stored(Answer answer, Instant storedAt) {
    }

    private Edge(String name, URI upstream, Clock clock) {
        super(name, upstream, clock);
    }

    /** Starts an edge named {@code name} (for messages) that fetches misses from {@code upstream}. */
    public static Edge start(String name, URI upstream, Clock clock) {
        return listen(new Edge(name, upstream, clock));
    }

    /**
     * Task 6: removes every stored response (every variant) whose {@code Surrogate-Key} lists
     * {@code surrogateKey}; returns how many were removed.
     */
    public int purge(String surrogateKey) {
        throw new UnsupportedOperationException("Task 6: keep each stored response's Surrogate-Key tags and remove "
                + "every variant that carries this one");
    }

    /** Tasks 3 to 5: what to answer to a client's request. */
    @Override
    protected Answer serve(EdgeRequest request) throws IOException {
        Instant now = clock.instant();
        Stored stored = store.get(request.key());
        if (stored != null && now.isBefore(stored.storedAt().plus(CACHE_EVERYTHING_FOR))) {
            Answer copy = stored.answer();
            return new Answer(copy.status(), copy.headers(), copy.body(), "HIT");
        }
        HttpResponse<byte[]> response = fetch(request, Map.of());
        Answer answer = new Answer(response.statusCode(), returned(response.headers()), response.body(), "MISS");
        if (request.method().equals("GET") && response.statusCode() == 200) {
            store.put(request.key(), new Stored(answer, now));
        }
        return answer;
    }
}
