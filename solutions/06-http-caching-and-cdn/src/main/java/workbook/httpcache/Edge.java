package workbook.httpcache;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A shared HTTP cache (an edge, or the shield when other edges point at it) in front of an upstream
 * (the origin, or a shield). Every response carries {@code X-Cache: HIT | MISS | STALE | REVALIDATED}.
 * Time comes from the injected clock. The server, the upstream client and the 502 for an unreachable
 * upstream are given in {@link EdgeServer}.
 */
public final class Edge extends EdgeServer {
    /** Cache key -> the stored variants of that URL (one per combination of Vary-ed request values). */
    private final Map<String, List<StoredResponse>> store = new ConcurrentHashMap<>();
    /** Cache key -> the upstream fetch under way: request collapsing. */
    private final Map<String, CompletableFuture<Answer>> inFlight = new ConcurrentHashMap<>();
    /** Variants being refreshed in the background (stale-while-revalidate): at most one refresh each. */
    private final Set<String> refreshing = ConcurrentHashMap.newKeySet();

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
        int[] removed = {0};
        for (String key : store.keySet()) {
            store.computeIfPresent(key, (k, variants) -> {
                List<StoredResponse> kept = new ArrayList<>();
                for (StoredResponse variant : variants) {
                    if (variant.tags().contains(surrogateKey)) {
                        removed[0]++;
                    } else {
                        kept.add(variant);
                    }
                }
                return kept.isEmpty() ? null : List.copyOf(kept);
            });
        }
        return removed[0];
    }

    /** GET is served from the cache when it may be; anything else goes to the upstream as it is. */
    @Override
    protected Answer serve(EdgeRequest request) throws IOException {
        return request.method().equals("GET") ? serveGet(request) : relay(fetch(request, Map.of()));
    }

    private Answer serveGet(EdgeRequest request) throws IOException {
        Instant now = clock.instant();
        StoredResponse stored = lookup(request);
        if (stored != null && stored.isFresh(now)) {
            return answer(stored, now, "HIT");
        }
        if (stored != null && stored.staleAllowedBy("stale-while-revalidate", now)) {
            refreshInBackground(request, stored);
            return answer(stored, now, "STALE");
        }
        return fetchCollapsed(request, stored);
    }

    /**
     * Request collapsing: one upstream fetch per cache key at a time; the others wait for it and
     * then use what it stored. Requests with credentials never share a fetch: their answer may be
     * personal.
     */
    private Answer fetchCollapsed(EdgeRequest request, StoredResponse stored) throws IOException {
        if (request.hasAuthorization()) {
            return fetchAndStore(request, stored);
        }
        CompletableFuture<Answer> mine = new CompletableFuture<>();
        CompletableFuture<Answer> running = inFlight.putIfAbsent(request.key(), mine);
        if (running == null) {
            try {
                Answer answer = fetchAndStore(request, stored);
                mine.complete(answer);
                return answer;
            } catch (IOException | RuntimeException e) {
                mine.completeExceptionally(e);
                throw e;
            } finally {
                inFlight.remove(request.key(), mine); // after storing: a late arrival finds the fresh copy
            }
        }
        running.handle((answer, error) -> null).join();
        Instant now = clock.instant();
        StoredResponse shared = lookup(request);
        if (shared != null && shared.isFresh(now)) {
            return answer(shared, now, "MISS");
        }
        // The fetch we waited for gave nothing we may use (another variant, or not storable).
        return fetchAndStore(request, shared);
    }

    /** Fetches from upstream (conditionally when a stored copy has validators), stores what may be stored. */
    private Answer fetchAndStore(EdgeRequest request, StoredResponse stored) throws IOException {
        HttpResponse<byte[]> response;
        try {
            response = fetch(request, stored);
        } catch (IOException e) {
            if (stored != null && stored.staleAllowedBy("stale-if-error", clock.instant())) {
                return answer(stored, clock.instant(), "STALE");
            }
            throw e;
        }
        Instant now = clock.instant();
        int status = response.statusCode();
        if (status == 304 && stored != null) {
            StoredResponse refreshed = stored.revalidated(response.headers(), now);
            put(request, refreshed);
            return answer(refreshed, now, "REVALIDATED");
        }
        if (status >= 500 && stored != null && stored.staleAllowedBy("stale-if-error", now)) {
            return answer(stored, now, "STALE");
        }
        if (StoredResponse.mayStore(request, status, response.headers())) {
            StoredResponse fresh = StoredResponse.of(request, status, response.headers(), response.body(), now);
            put(request, fresh);
            return answer(fresh, now, "MISS");
        }
        return relay(response);
    }

    /** stale-while-revalidate: one background refresh per variant, however many clients see it stale. */
    private void refreshInBackground(EdgeRequest request, StoredResponse stale) {
        String variant = request.key() + " " + stale.varyValues();
        if (!refreshing.add(variant)) {
            return;
        }
        threads.execute(() -> {
            try {
                fetchAndStore(request, stale);
            } catch (IOException | RuntimeException e) {
                // the stale copy stays; the next request after the window fetches in the foreground
            } finally {
                refreshing.remove(variant);
            }
        });
    }

    /** An upstream fetch, conditional when the stored copy has validators (a 304 then refreshes it). */
    private HttpResponse<byte[]> fetch(EdgeRequest request, StoredResponse stored) throws IOException {
        Map<String, String> conditions = new HashMap<>();
        if (stored != null && stored.etag() != null) {
            conditions.put("If-None-Match", stored.etag());
        }
        if (stored != null && stored.lastModified() != null) {
            conditions.put("If-Modified-Since", stored.lastModified());
        }
        return fetch(request, conditions);
    }

    private StoredResponse lookup(EdgeRequest request) {
        List<StoredResponse> variants = store.getOrDefault(request.key(), List.of());
        return variants.stream().filter(variant -> variant.matches(request)).findFirst().orElse(null);
    }

    private void put(EdgeRequest request, StoredResponse response) {
        store.compute(request.key(), (key, variants) -> {
            List<StoredResponse> updated = new ArrayList<>();
            if (variants != null) {
                variants.stream().filter(v -> !v.varyValues().equals(response.varyValues())).forEach(updated::add);
            }
            updated.add(response);
            return List.copyOf(updated);
        });
    }

    private static Answer answer(StoredResponse stored, Instant now, String cacheStatus) {
        Map<String, List<String>> headers = returned(stored.headers());
        headers.put("Age", List.of(Long.toString(stored.ageSeconds(now))));
        return new Answer(stored.status(), headers, stored.body(), cacheStatus);
    }

    private static Answer relay(HttpResponse<byte[]> response) {
        Map<String, List<String>> headers = returned(response.headers());
        response.headers().firstValue("Age").ifPresent(age -> headers.put("Age", List.of(age)));
        return new Answer(response.statusCode(), headers, response.body(), "MISS");
    }
}
