package workbook.restapi;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.testing.MutableClock;
import workbook.labkit.testing.Task;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static workbook.restapi.LiveApi.body;
import static workbook.restapi.Problems.assertProblem;

@Task(2)
class HiddenTask2ProblemsTest {
    @RegisterExtension
    static final Postgres db = Postgres.freshDatabase();
    @RegisterExtension
    final LiveApi api = LiveApi.on(db);

    @Test
    void aPatchHasTheSameErrorsAsAPost() {
        long id = api.create("https://example.com/p1", "P1");
        api.create("https://example.com/p2", "P2");
        assertProblem(api.alice.patch("/v1/bookmarks/" + id, "{\"title\": "), 400, "a PATCH with a cut-off merge patch");
        JsonNode invalid = assertProblem(api.alice.patch("/v1/bookmarks/" + id, "{\"title\": null}"), 422,
                "a merge patch that removes the required title");
        assertThat(invalid.path("errors").path(0).path("pointer").asText()).as("pointer of the error").isEqualTo("#/title");
        assertProblem(api.alice.patch("/v1/bookmarks/" + id, "{\"url\": \"https://example.com/p2\"}"), 409,
                "a PATCH that gives the bookmark the URL of another of alice's bookmarks");
        assertProblem(api.alice.send("PATCH", "/v1/bookmarks/" + id, "{}"), 415, "a PATCH without a Content-Type");
        assertThat(api.store.find("alice", id).orElseThrow().url()).as("url after the refused patches").isEqualTo("https://example.com/p1");
    }

    @Test
    void mediaTypeParametersAndCaseAreAccepted() {
        Reply reply = api.alice.send("POST", "/v1/bookmarks", body("https://example.com/charset", "Charset"),
                "Content-Type", "Application/JSON; charset=utf-8");
        assertThat(reply.status()).as("status of a POST as Application/JSON; charset=utf-8 (%s)", reply.summary()).isEqualTo(201);
        assertProblem(api.alice.send("POST", "/v1/bookmarks", body("https://example.com/none", "None")), 415, "a POST without a Content-Type");
    }

    @Test
    void jsonThatIsNotAnObjectIs422() {
        JsonNode problem = assertProblem(api.alice.post("/v1/bookmarks", "[1, 2]"), 422, "a POST of a JSON array");
        assertThat(problem.path("errors").path(0).path("pointer").asText()).as("pointer of the error").isEqualTo("#");
    }

    @Test
    void everyErrorIsAProblem() {
        long id = api.create("https://example.com/e", "E");
        assertProblem(api.alice.send("PUT", "/v1/bookmarks/" + id, "{}", "Content-Type", "application/json"), 405, "PUT on a bookmark");
        assertProblem(api.alice.delete("/v1/bookmarks/" + (id + 9)), 404, "DELETE of a missing bookmark");
        assertProblem(api.alice.get("/v1/bookmarks?limit=ten"), 400, "?limit=ten");
        assertProblem(api.alice.get("/v1/bookmarks?cursor=not-a-cursor"), 400, "a cursor the server did not make");
        assertProblem(api.alice.get("/v1/bookmarks/" + id + "?fields=colour"), 400, "?fields=colour");
    }

    @Test
    void theQuotaIsAskedBeforeAnythingElse() throws Exception {
        MutableClock clock = MutableClock.at(LiveApi.START.plusSeconds(50));
        api.restart(clock, Quota.fixedWindow(1, Duration.ofMinutes(1), clock));
        assertThat(api.alice.get("/v1/nothing").status()).as("status of the one request allowed").isEqualTo(404);
        Reply refused = api.alice.post("/v1/bookmarks", body("https://example.com/q", "Q"));
        assertProblem(refused, 429, "a POST over the quota");
        assertThat(refused.header("Retry-After")).as("Retry-After at 09:01:05 with a window to 09:02:00").hasValue("55");
        assertThat(api.store.count("alice")).as("bookmarks after a create refused with 429").isZero();
        assertProblem(api.alice.get("/v1/nothing"), 429, "a request to no resource, over the quota");
    }
}
