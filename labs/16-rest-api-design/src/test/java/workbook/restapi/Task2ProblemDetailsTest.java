package workbook.restapi;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.testing.MutableClock;
import workbook.labkit.testing.Task;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static workbook.restapi.LiveApi.body;
import static workbook.restapi.Problems.assertProblem;

@Task(2)
class Task2ProblemDetailsTest {
    @RegisterExtension
    static final Postgres db = Postgres.freshDatabase();
    @RegisterExtension
    final LiveApi api = LiveApi.on(db);

    @Test
    void malformedJsonIs400() {
        Reply reply = api.alice.post("/v1/bookmarks", "{\"url\": \"https://example.com\", \"title\": ");
        assertProblem(reply, 400, "a POST whose body is cut-off JSON");
        assertThat(api.store.count("alice")).as("bookmarks stored").isZero();
    }

    @Test
    void aBodyOfAnotherMediaTypeIs415() {
        Reply post = api.alice.send("POST", "/v1/bookmarks", "url=https://example.com", "Content-Type", "application/x-www-form-urlencoded");
        assertProblem(post, 415, "a POST with a form body instead of application/json");

        long id = api.create("https://example.com/p", "Patch me");
        Reply patch = api.alice.send("PATCH", "/v1/bookmarks/" + id, "{\"title\":\"x\"}", "Content-Type", "application/json");
        assertProblem(patch, 415, "a PATCH sent as application/json instead of application/merge-patch+json");
        assertThat(patch.header("Accept-Patch")).as("Accept-Patch header of that 415: RFC 5789 says to name the "
                + "patch formats the resource accepts").hasValue("application/merge-patch+json");
    }

    @Test
    void invalidDataIs422WithOneErrorPerField() {
        Reply reply = api.alice.post("/v1/bookmarks", "{\"url\":\"ftp://example.com/file\",\"title\":\"  \",\"tags\":[\"ok\",\"Not OK!\"]}");
        JsonNode problem = assertProblem(reply, 422, "a POST with a non-web URL, a blank title and a bad tag");
        List<String> pointers = new ArrayList<>();
        problem.path("errors").forEach(error -> pointers.add(error.path("pointer").asText()));
        assertThat(pointers).as("\"pointer\" of each entry of the problem's \"errors\": one per invalid member, "
                + "so that a form can show each next to its field").containsExactlyInAnyOrder("#/url", "#/title", "#/tags/1");
        assertThat(api.store.count("alice")).as("bookmarks stored").isZero();

        long id = api.create("https://example.com/keep", "Keep my title");
        JsonNode patch = assertProblem(api.alice.patch("/v1/bookmarks/" + id, "{\"title\": null}"), 422,
                "a merge patch whose null removes the required title");
        assertThat(patch.path("errors").path(0).path("pointer").asText()).as("pointer of the patch's error").isEqualTo("#/title");
        assertThat(api.store.find("alice", id).orElseThrow().title()).as("title after the refused patch").isEqualTo("Keep my title");
    }

    @Test
    void theSameUrlTwiceIs409ButAnotherUserMayHaveIt() {
        String bookmark = body("https://example.com/once", "Once");
        assertThat(api.alice.post("/v1/bookmarks", bookmark).status()).as("status of the first POST (a create is 201, Task 1)").isEqualTo(201);
        assertProblem(api.alice.post("/v1/bookmarks", bookmark), 409, "a second POST of a URL alice already saved");
        assertThat(api.store.count("alice")).as("alice's bookmarks after the conflict").isEqualTo(1);
        assertThat(api.alice.as("bob").post("/v1/bookmarks", bookmark).status()).as("status of bob saving the same URL: "
                + "URLs are unique per user").isEqualTo(201);
    }

    @Test
    void aMissingBookmarkIsAProblemToo() {
        assertProblem(api.alice.get("/v1/bookmarks/424242"), 404, "GET of a bookmark that does not exist");
        assertProblem(api.alice.get("/v1/nothing-here"), 404, "GET of a path that is no resource");
    }

    @Test
    void overTheQuotaIs429WithRetryAfter() throws Exception {
        MutableClock clock = MutableClock.at(LiveApi.START);
        api.restart(clock, Quota.fixedWindow(3, Duration.ofMinutes(1), clock)); // 3 requests per user per minute
        for (int i = 0; i < 3; i++) {
            assertThat(api.alice.get("/v1/bookmarks").status()).as("status of request %d of 3 allowed per minute", i + 1).isEqualTo(200);
        }
        Reply refused = api.alice.get("/v1/bookmarks");
        assertProblem(refused, 429, "the 4th request in a minute that allows 3");
        assertThat(refused.header("Retry-After")).as("Retry-After of the 429 at 09:00:15, when the next minute starts "
                + "at 09:01:00: whole seconds to wait").hasValue("45");
        assertThat(api.alice.as("bob").get("/v1/bookmarks").status()).as("status of bob's first request: quotas are per user").isEqualTo(200);
        api.clock.advance(Duration.ofSeconds(45));
        assertThat(api.alice.get("/v1/bookmarks").status()).as("status of alice's request 45 s later").isEqualTo(200);
    }
}
