package workbook.httpcache;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import workbook.labkit.testing.MutableClock;
import workbook.labkit.testing.Task;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Hidden: the stale windows at other times, with 5xx answers, and under directives that forbid them. */
@Task(4)
class HiddenTask4StaleTest {
    private final MutableClock clock = MutableClock.startingAtEpochMinute();
    private final ScriptedOrigin scripted = ScriptedOrigin.start();
    private final Edge edge = Edge.start("edge", scripted.uri(), clock);

    @AfterEach
    void stop() {
        edge.close();
        scripted.close();
    }

    @Test
    void staleIfErrorCoversA5xxAnswer() {
        scripted.serve("/page", "v1", "Cache-Control", "max-age=10, stale-if-error=60");
        Http.get(edge.uri(), "/page");
        scripted.reply("/page", 500, "broken");
        clock.advance(Duration.ofSeconds(69));
        HttpResponse<String> stale = Http.get(edge.uri(), "/page");
        assertThat(stale.statusCode()).as("status 69 s after storing under max-age=10, stale-if-error=60, origin answers 500")
                .isEqualTo(200);
        assertThat(stale.body()).as("body while the origin answers 500").isEqualTo("v1");
        assertThat(Http.cacheStatus(stale)).as("X-Cache").isEqualTo("STALE");
        clock.advance(Duration.ofSeconds(2));
        assertThat(Http.get(edge.uri(), "/page").statusCode()).as("status 71 s after storing, origin still 500: past the "
                + "window the origin's answer shows").isEqualTo(500);
    }

    @Test
    void mustRevalidateForbidsStaleWhileRevalidate() {
        scripted.serve("/strict", "v1", "Cache-Control", "max-age=10, must-revalidate, stale-while-revalidate=30");
        Http.get(edge.uri(), "/strict");
        scripted.serve("/strict", "v2", "Cache-Control", "max-age=10, must-revalidate, stale-while-revalidate=30");
        clock.advance(Duration.ofSeconds(15));
        HttpResponse<String> response = Http.get(edge.uri(), "/strict");
        assertThat(response.body()).as("body 15 s after storing under must-revalidate: never served stale").isEqualTo("v2");
    }

    @Test
    void theStaleWhileRevalidateWindowStartsAtExpiryNotAtStorage() {
        scripted.serve("/late", "v1", "Cache-Control", "max-age=20, stale-while-revalidate=5");
        Http.get(edge.uri(), "/late");
        scripted.serve("/late", "v2", "Cache-Control", "max-age=20, stale-while-revalidate=5");
        clock.advance(Duration.ofSeconds(24));
        HttpResponse<String> stale = Http.get(edge.uri(), "/late");
        assertThat(Http.cacheStatus(stale)).as("X-Cache 24 s after storing under max-age=20, stale-while-revalidate=5 "
                + "(4 s stale)").isEqualTo("STALE");
        assertThat(stale.body()).isEqualTo("v1");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(Http.get(edge.uri(), "/late").body())
                .as("body once the background refresh is done").isEqualTo("v2"));
    }

    @Test
    void aFailedBackgroundRefreshLeavesTheStaleCopyAndTheNextOneRuns() {
        scripted.serve("/flaky", "v1", "Cache-Control", "max-age=10, stale-while-revalidate=30");
        Http.get(edge.uri(), "/flaky");
        scripted.reply("/flaky", 500, "boom");
        clock.advance(Duration.ofSeconds(12));
        assertThat(Http.get(edge.uri(), "/flaky").body()).as("body 12 s after storing (stale, refresh fails)").isEqualTo("v1");
        await().atMost(Duration.ofSeconds(5)).until(() -> scripted.fetches("/flaky") == 2);
        scripted.serve("/flaky", "v2", "Cache-Control", "max-age=10, stale-while-revalidate=30");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(Http.get(edge.uri(), "/flaky").body())
                .as("body once a later refresh succeeded: a failed refresh must not block the next one").isEqualTo("v2"));
    }
}
