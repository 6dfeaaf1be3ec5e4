package workbook.httpcache;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import workbook.labkit.testing.MutableClock;
import workbook.labkit.testing.Task;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@Task(3)
class Task3EdgeCacheTest {
    private final MutableClock clock = MutableClock.startingAtEpochMinute();
    private final ScriptedOrigin scripted = ScriptedOrigin.start();
    private final Edge edge = Edge.start("edge", scripted.uri(), clock);

    @AfterEach
    void stop() {
        edge.close();
        scripted.close();
    }

    @Test
    void oneUsersDashboardIsNeverServedToAnother() {
        // The story: the origin sends no Cache-Control at all, and the CDN is in front of everything.
        try (Origin origin = Origin.start(clock, content -> null); Edge shop = Edge.start("shop-edge", origin.uri(), clock)) {
            HttpResponse<String> alice = Http.get(shop.uri(), "/dashboard", "Authorization", "Bearer alice");
            assertThat(alice.body()).as("Alice's dashboard").contains("alice");
            HttpResponse<String> bob = Http.get(shop.uri(), "/dashboard", "Authorization", "Bearer bob");
            assertThat(bob.body()).as("the dashboard the edge served to Bob (X-Cache: %s): showing him Alice's page is "
                    + "the leak; without explicit permission to store, a shared cache must not keep a response", Http.cacheStatus(bob))
                    .contains("bob").doesNotContain("alice");
            assertThat(origin.fetches("/dashboard")).as("dashboard requests that reached the origin for 2 users").isEqualTo(2);
        }
    }

    @Test
    void privateAndNoStoreResponsesAreNotStored() {
        scripted.serve("/private", "mine", "Cache-Control", "private, max-age=60");
        scripted.serve("/secret", "secret", "Cache-Control", "no-store, max-age=60");
        for (String path : List.of("/private", "/secret")) {
            Http.get(edge.uri(), path);
            HttpResponse<String> second = Http.get(edge.uri(), path);
            assertThat(Http.cacheStatus(second)).as("X-Cache of the second GET %s (Cache-Control: %s)", path,
                    second.headers().firstValue("Cache-Control").orElse("")).isEqualTo("MISS");
            assertThat(scripted.fetches(path)).as("origin fetches for 2 GETs of %s: a shared cache must not store it", path).isEqualTo(2);
        }
    }

    @Test
    void responsesToAuthorizedRequestsAreStoredOnlyWhenExplicitlyAllowed() {
        scripted.serve("/account", "account of {Authorization}", "Cache-Control", "max-age=60");
        scripted.serve("/catalogue", "catalogue", "Cache-Control", "public, max-age=60");
        Http.get(edge.uri(), "/account", "Authorization", "Bearer alice");
        HttpResponse<String> bob = Http.get(edge.uri(), "/account", "Authorization", "Bearer bob");
        assertThat(bob.body()).as("what Bob got for /account (max-age=60 but no public, s-maxage or must-revalidate): "
                + "RFC 9111 3.5 forbids reusing a response to a request with Authorization").contains("bob");

        Http.get(edge.uri(), "/catalogue", "Authorization", "Bearer alice");
        HttpResponse<String> again = Http.get(edge.uri(), "/catalogue", "Authorization", "Bearer bob");
        assertThat(Http.cacheStatus(again)).as("X-Cache of /catalogue (public, max-age=60) for a second user: public "
                + "explicitly allows it").isEqualTo("HIT");
    }

    @Test
    void sMaxageIsPreferredOverMaxAge() {
        scripted.serve("/page", "page", "Cache-Control", "max-age=1, s-maxage=100");
        assertThat(Http.cacheStatus(Http.get(edge.uri(), "/page"))).as("X-Cache of the first GET").isEqualTo("MISS");
        clock.advance(Duration.ofSeconds(50));
        assertThat(Http.cacheStatus(Http.get(edge.uri(), "/page"))).as("X-Cache 50 s later under max-age=1, s-maxage=100: "
                + "a shared cache uses s-maxage").isEqualTo("HIT");
        clock.advance(Duration.ofSeconds(51));
        assertThat(Http.cacheStatus(Http.get(edge.uri(), "/page"))).as("X-Cache 101 s after storing (s-maxage=100)").isNotEqualTo("HIT");
        assertThat(scripted.fetches("/page")).as("origin fetches").isEqualTo(2);
    }

    @Test
    void maxAgeCountsWhenThereIsNoSMaxageAndAgeIsSent() {
        scripted.serve("/page", "page", "Cache-Control", "max-age=30");
        Http.get(edge.uri(), "/page");
        clock.advance(Duration.ofSeconds(7));
        HttpResponse<String> hit = Http.get(edge.uri(), "/page");
        assertThat(Http.cacheStatus(hit)).as("X-Cache 7 s into max-age=30").isEqualTo("HIT");
        assertThat(hit.headers().firstValue("Age")).as("Age header of a hit 7 s after the edge stored it").contains("7");
        clock.advance(Duration.ofSeconds(23));
        assertThat(Http.cacheStatus(Http.get(edge.uri(), "/page"))).as("X-Cache 30 s in (max-age=30: stale now)").isNotEqualTo("HIT");
    }

    @Test
    void noCacheIsStoredButRevalidatedOnEveryUse() {
        scripted.serve("/prices", "prices", "Cache-Control", "no-cache", "ETag", "\"v1\"");
        assertThat(Http.cacheStatus(Http.get(edge.uri(), "/prices"))).as("X-Cache of the first GET").isEqualTo("MISS");
        HttpResponse<String> second = Http.get(edge.uri(), "/prices");
        assertThat(Http.cacheStatus(second)).as("X-Cache of the second GET of a no-cache response: stored, but each use "
                + "asks the origin (If-None-Match), which answers 304").isEqualTo("REVALIDATED");
        assertThat(second.body()).as("body served after the 304").isEqualTo("prices");
        List<Map<String, List<String>>> requests = scripted.requests("/prices");
        assertThat(requests).as("requests that reached the origin").hasSize(2);
        assertThat(requests.get(1).get("If-none-match")).as("If-None-Match of the second request at the origin").containsExactly("\"v1\"");
    }

    @Test
    void varyKeepsVariantsApart() {
        scripted.serve("/hello", "hello in {Accept-Language}", "Cache-Control", "s-maxage=60", "Vary", "Accept-Language");
        assertThat(Http.get(edge.uri(), "/hello", "Accept-Language", "en").body()).isEqualTo("hello in en");
        HttpResponse<String> german = Http.get(edge.uri(), "/hello", "Accept-Language", "de");
        assertThat(german.body()).as("body for Accept-Language: de after an English copy was stored (Vary: Accept-Language)")
                .isEqualTo("hello in de");
        HttpResponse<String> english = Http.get(edge.uri(), "/hello", "Accept-Language", "en");
        assertThat(english.body()).as("body for en again").isEqualTo("hello in en");
        assertThat(Http.cacheStatus(english)).as("X-Cache for en again").isEqualTo("HIT");
        assertThat(Http.cacheStatus(Http.get(edge.uri(), "/hello", "Accept-Language", "de"))).as("X-Cache for de again").isEqualTo("HIT");
        assertThat(scripted.fetches("/hello")).as("origin fetches for 2 languages").isEqualTo(2);
    }
}
