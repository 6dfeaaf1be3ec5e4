package workbook.httpcache;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import workbook.labkit.testing.MutableClock;
import workbook.labkit.testing.Task;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Hidden: storing and reusing as a shared cache, beyond the public cases. */
@Task(3)
class HiddenTask3SharedCacheTest {
    private final MutableClock clock = MutableClock.startingAtEpochMinute();
    private final ScriptedOrigin scripted = ScriptedOrigin.start();
    private final Edge edge = Edge.start("edge", scripted.uri(), clock);

    @AfterEach
    void stop() {
        edge.close();
        scripted.close();
    }

    @Test
    void theAgeAResponseArrivesWithCountsTowardsItsLifetime() {
        scripted.serve("/aged", "aged", "Cache-Control", "max-age=60", "Age", "50");
        Http.get(edge.uri(), "/aged");
        clock.advance(Duration.ofSeconds(5));
        HttpResponse<String> hit = Http.get(edge.uri(), "/aged");
        assertThat(Http.cacheStatus(hit)).as("X-Cache 5 s after storing a response that arrived with Age: 50 under "
                + "max-age=60").isEqualTo("HIT");
        assertThat(hit.headers().firstValue("Age")).as("Age sent 5 s after storing a response that arrived 50 s old")
                .contains("55");
        clock.advance(Duration.ofSeconds(10));
        assertThat(Http.cacheStatus(Http.get(edge.uri(), "/aged"))).as("X-Cache 15 s after storing a response that "
                + "arrived 50 s old under max-age=60 (65 s old now)").isNotEqualTo("HIT");
        assertThat(scripted.fetches("/aged")).as("origin fetches").isEqualTo(2);
    }

    @Test
    void authorizedRequestsMayShareWhatSMaxageOrMustRevalidateAllows() {
        scripted.serve("/shared", "shared", "Cache-Control", "s-maxage=60");
        scripted.serve("/checked", "checked", "Cache-Control", "max-age=60, must-revalidate");
        for (String path : new String[] {"/shared", "/checked"}) {
            Http.get(edge.uri(), path, "Authorization", "Bearer alice");
            assertThat(Http.cacheStatus(Http.get(edge.uri(), path, "Authorization", "Bearer bob")))
                    .as("X-Cache of %s for a second user: RFC 9111 3.5 allows reuse under s-maxage or must-revalidate", path)
                    .isEqualTo("HIT");
        }
    }

    @Test
    void onlyAnswersToGetAreServedFromTheCache() throws Exception {
        scripted.serve("/orders", "orders", "Cache-Control", "max-age=60");
        Http.get(edge.uri(), "/orders");
        HttpResponse<String> post = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(edge.uri() + "/orders"))
                .POST(HttpRequest.BodyPublishers.ofString("new order")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.headers().firstValue("X-Cache")).as("X-Cache of a POST after a GET of the same URL was stored: "
                + "a POST always goes to the origin").isNotEqualTo(java.util.Optional.of("HIT"));
        assertThat(scripted.fetches("/orders")).as("origin requests after GET then POST").isEqualTo(2);
    }

    @Test
    void varyOnTwoHeadersAndAMissingHeaderAreVariantsOfTheirOwn() {
        scripted.serve("/menu", "menu {Accept-Language}", "Cache-Control", "max-age=60", "Vary", "Accept-Language, Accept-Encoding");
        Http.get(edge.uri(), "/menu", "Accept-Language", "en", "Accept-Encoding", "gzip");
        assertThat(Http.cacheStatus(Http.get(edge.uri(), "/menu", "Accept-Language", "en", "Accept-Encoding", "br")))
                .as("X-Cache for the same language but another Accept-Encoding (Vary names both)").isEqualTo("MISS");
        assertThat(Http.cacheStatus(Http.get(edge.uri(), "/menu", "Accept-Language", "en")))
                .as("X-Cache for a request without Accept-Encoding: its own variant").isEqualTo("MISS");
        assertThat(Http.cacheStatus(Http.get(edge.uri(), "/menu", "Accept-Language", "en", "Accept-Encoding", "gzip")))
                .as("X-Cache for the first combination again").isEqualTo("HIT");
        assertThat(Http.cacheStatus(Http.get(edge.uri(), "/menu", "Accept-Language", "en")))
                .as("X-Cache for the request without Accept-Encoding again").isEqualTo("HIT");
    }

    @Test
    void varyStarIsNeverReused() {
        scripted.serve("/any", "any", "Cache-Control", "max-age=60", "Vary", "*");
        Http.get(edge.uri(), "/any");
        assertThat(Http.cacheStatus(Http.get(edge.uri(), "/any"))).as("X-Cache of a response with Vary: *").isNotEqualTo("HIT");
        assertThat(scripted.fetches("/any")).as("origin fetches").isEqualTo(2);
    }

    @Test
    void aRevalidatedCopyIsFreshForItsLifetimeAgain() {
        scripted.serve("/list", "list", "Cache-Control", "max-age=10", "ETag", "\"l1\"");
        Http.get(edge.uri(), "/list");
        clock.advance(Duration.ofSeconds(12));
        HttpResponse<String> revalidated = Http.get(edge.uri(), "/list");
        assertThat(Http.cacheStatus(revalidated)).as("X-Cache after expiry, origin answers 304").isEqualTo("REVALIDATED");
        assertThat(revalidated.body()).as("body served after the 304").isEqualTo("list");
        clock.advance(Duration.ofSeconds(9));
        assertThat(Http.cacheStatus(Http.get(edge.uri(), "/list"))).as("X-Cache 9 s after the revalidation (max-age=10)")
                .isEqualTo("HIT");
        assertThat(scripted.fetches("/list")).as("origin requests").isEqualTo(2);
    }

    @Test
    void errorsAreNotStored() {
        scripted.reply("/missing", 404, "not here", "Cache-Control", "max-age=60");
        Http.get(edge.uri(), "/missing");
        scripted.serve("/missing", "here now", "Cache-Control", "max-age=60");
        assertThat(Http.get(edge.uri(), "/missing").body()).as("body after the resource was created: the edge stores "
                + "only 200 answers (the lab's rule)").isEqualTo("here now");
    }

    @Test
    void aResponseTheEdgeDoesNotStoreKeepsTheAgeItCameWith() {
        scripted.serve("/relayed", "relayed", "Cache-Control", "no-store", "Age", "30");
        assertThat(Http.get(edge.uri(), "/relayed").headers().firstValue("Age")).as("Age of a relayed, unstored response "
                + "that arrived with Age: 30").contains("30");
    }

    @Test
    void a304UpdatesTheStoredHeadersAndKeepsTheOthers() {
        scripted.serve("/doc", "doc", "Cache-Control", "max-age=10", "ETag", "\"d1\"", "X-Shop", "north");
        Http.get(edge.uri(), "/doc");
        scripted.serve("/doc", "doc", "Cache-Control", "max-age=100", "ETag", "\"d1\"");
        clock.advance(Duration.ofSeconds(11));
        HttpResponse<String> revalidated = Http.get(edge.uri(), "/doc");
        assertThat(Http.cacheStatus(revalidated)).as("X-Cache after expiry, origin answers 304").isEqualTo("REVALIDATED");
        assertThat(revalidated.headers().firstValue("X-Shop")).as("a header of the stored 200 that the 304 does not "
                + "repeat: kept (RFC 9111, 4.3.4)").contains("north");
        clock.advance(Duration.ofSeconds(50));
        assertThat(Http.cacheStatus(Http.get(edge.uri(), "/doc"))).as("X-Cache 50 s after a 304 that brought "
                + "max-age=100: the stored headers are updated from the 304").isEqualTo("HIT");
    }

    @Test
    void revalidationWithoutAnEtagAsksIfModifiedSince() {
        String lastModified = "Tue, 01 Dec 2026 08:00:00 GMT";
        scripted.serve("/feed", "feed", "Cache-Control", "max-age=10", "Last-Modified", lastModified);
        Http.get(edge.uri(), "/feed");
        clock.advance(Duration.ofSeconds(11));
        Http.get(edge.uri(), "/feed");
        assertThat(scripted.requests("/feed")).as("requests that reached the origin").hasSize(2);
        assertThat(scripted.requests("/feed").get(1).get("If-modified-since")).as("If-Modified-Since of the "
                + "revalidation of a copy that has Last-Modified and no ETag").containsExactly(lastModified);
    }
}
