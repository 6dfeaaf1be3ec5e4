package workbook.httpcache;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Toxi;
import workbook.labkit.testing.Concurrently;
import workbook.labkit.testing.MutableClock;
import workbook.labkit.testing.Task;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@Task(4)
class Task4StaleContentTest {
    @RegisterExtension
    static final Toxi toxi = Toxi.create();

    private final MutableClock clock = MutableClock.startingAtEpochMinute();
    private final ScriptedOrigin scripted = ScriptedOrigin.start();

    @AfterEach
    void stop() {
        scripted.close();
    }

    @Test
    void afterExpiryEveryoneGetsTheStaleCopyAtOnceAndOneRefreshRunsInTheBackground() {
        scripted.serve("/hot", "v1", "Cache-Control", "max-age=10, stale-while-revalidate=30");
        try (Edge edge = Edge.start("edge", scripted.uri(), clock)) {
            Http.get(edge.uri(), "/hot");
            scripted.serve("/hot", "v2", "Cache-Control", "max-age=10, stale-while-revalidate=30");
            scripted.hold(); // the origin is slow now: whoever waits on it, waits until the test releases it
            clock.advance(Duration.ofSeconds(15));

            List<Concurrently.Outcome<HttpResponse<String>>> outcomes =
                    Concurrently.run(50, Duration.ofSeconds(6), caller -> Http.get(edge.uri(), "/hot"));
            for (HttpResponse<String> response : Concurrently.values(outcomes)) {
                assertThat(Http.cacheStatus(response)).as("X-Cache 15 s after storing under max-age=10, "
                        + "stale-while-revalidate=30: the stale copy, served at once").isEqualTo("STALE");
                assertThat(response.body()).as("body served while the origin is busy").isEqualTo("v1");
            }
            assertThat(Concurrently.values(outcomes)).as("answers to 50 clients while the origin held every request: "
                    + "none of them may wait for it").hasSize(50);
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(scripted.fetches("/hot"))
                    .as("origin fetches: the first one, then one background refresh").isEqualTo(2));

            scripted.release();
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                HttpResponse<String> refreshed = Http.get(edge.uri(), "/hot");
                assertThat(refreshed.body()).as("body once the background refresh has finished").isEqualTo("v2");
                assertThat(Http.cacheStatus(refreshed)).as("X-Cache after the refresh").isEqualTo("HIT");
            });
            assertThat(scripted.fetches("/hot")).as("origin fetches for 50 clients that saw the copy stale: one "
                    + "refresh, not one per client").isEqualTo(2);
        }
    }

    @Test
    void pastTheStaleWhileRevalidateWindowClientsWaitForAFreshCopy() {
        scripted.serve("/hot", "v1", "Cache-Control", "max-age=10, stale-while-revalidate=30");
        try (Edge edge = Edge.start("edge", scripted.uri(), clock)) {
            Http.get(edge.uri(), "/hot");
            scripted.serve("/hot", "v2", "Cache-Control", "max-age=10, stale-while-revalidate=30");
            clock.advance(Duration.ofSeconds(41));
            HttpResponse<String> response = Http.get(edge.uri(), "/hot");
            assertThat(response.body()).as("body 41 s after storing (10 s fresh + 30 s of stale-while-revalidate): too "
                    + "old to serve").isEqualTo("v2");
            assertThat(Http.cacheStatus(response)).as("X-Cache").isEqualTo("MISS");
        }
    }

    @Test
    void staleIfErrorServesTheStaleCopyWhileTheOriginIsDownAndAnErrorAfterTheWindow() {
        scripted.serve("/page", "v1", "Cache-Control", "max-age=10, stale-if-error=60");
        Toxi.Proxied toOrigin = toxi.localPort("origin", scripted.port());
        try (Edge edge = Edge.start("edge", URI.create("http://" + toOrigin.address()), clock)) {
            Http.get(edge.uri(), "/page");
            toOrigin.disable(); // the origin is cut off
            clock.advance(Duration.ofSeconds(30));
            HttpResponse<String> down = Http.get(edge.uri(), "/page");
            assertThat(down.statusCode()).as("status 30 s after storing, origin unreachable, stale-if-error=60").isEqualTo(200);
            assertThat(down.body()).as("body while the origin is down").isEqualTo("v1");
            assertThat(Http.cacheStatus(down)).as("X-Cache while the origin is down").isEqualTo("STALE");

            clock.advance(Duration.ofSeconds(41));
            HttpResponse<String> tooOld = Http.get(edge.uri(), "/page");
            assertThat(tooOld.statusCode()).as("status 71 s after storing (10 s fresh + 60 s stale-if-error), origin "
                    + "still down: the copy is too old to serve, so the 502 shows").isEqualTo(502);

            toOrigin.enable();
            HttpResponse<String> back = Http.get(edge.uri(), "/page");
            assertThat(back.statusCode()).as("status once the origin is back").isEqualTo(200);
        }
    }
    @Test
    void underSMaxageTheEdgeNeverServesStaleWhateverTheStaleDirectivesSay() {
        scripted.serve("/shared", "v1", "Cache-Control", "s-maxage=10, stale-while-revalidate=30");
        try (Edge edge = Edge.start("edge", scripted.uri(), clock)) {
            Http.get(edge.uri(), "/shared");
            scripted.serve("/shared", "v2", "Cache-Control", "s-maxage=10, stale-while-revalidate=30");
            clock.advance(Duration.ofSeconds(15));
            HttpResponse<String> response = Http.get(edge.uri(), "/shared");
            assertThat(response.body()).as("body 15 s after storing under s-maxage=10, stale-while-revalidate=30: in a "
                    + "shared cache s-maxage carries proxy-revalidate (RFC 9111, 5.2.2.10), so a stale copy must not "
                    + "be served; the edge fetches a fresh one").isEqualTo("v2");
            assertThat(Http.cacheStatus(response)).as("X-Cache of that answer").isNotEqualTo("STALE");
        }
    }

    @Test
    void underSMaxageAnUnreachableOriginShowsAsAnErrorEvenInsideStaleIfError() {
        scripted.serve("/shared", "v1", "Cache-Control", "s-maxage=10, stale-if-error=60");
        Toxi.Proxied toOrigin = toxi.localPort("origin-shared", scripted.port());
        try (Edge edge = Edge.start("edge", URI.create("http://" + toOrigin.address()), clock)) {
            Http.get(edge.uri(), "/shared");
            toOrigin.disable();
            clock.advance(Duration.ofSeconds(30));
            HttpResponse<String> down = Http.get(edge.uri(), "/shared");
            assertThat(down.statusCode()).as("status 30 s after storing under s-maxage=10, stale-if-error=60, origin "
                    + "unreachable: s-maxage forbids a shared cache to serve the stale copy (RFC 9111, 4.2.4), so the "
                    + "502 shows").isEqualTo(502);
        }
    }
}
