package workbook.restapi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.testing.Task;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static workbook.restapi.Problems.assertProblem;
import static workbook.restapi.Task6EvolutionTest.names;

@Task(6)
class HiddenTask6VersionsTest {
    @RegisterExtension
    static final Postgres db = Postgres.freshDatabase();
    // another plan than the public tests': a day of two digits and a time of day
    @RegisterExtension
    final LiveApi api = LiveApi.on(db, new Sunsetting(Instant.parse("2025-12-31T23:59:59Z"), Instant.parse("2027-11-21T18:30:05Z")));

    @Test
    void everyV1ResponseAnnouncesThePlanAndNoV2ResponseDoes() {
        Reply created = api.alice.post("/v1/bookmarks", LiveApi.body("https://example.com/d", "D"));
        long id = created.json().path("id").asLong();
        Reply[] v1 = {created, api.alice.get("/v1/bookmarks/" + (id + 5)), api.alice.delete("/v1/bookmarks/" + id),
                api.alice.send("PUT", "/v1/bookmarks", "{}", "Content-Type", "application/json")};
        for (Reply reply : v1) {
            assertThat(reply.header("Deprecation")).as("Deprecation on a /v1 answer %d", reply.status()).hasValue("@1767225599");
            assertThat(reply.header("Sunset")).as("Sunset on a /v1 answer %d", reply.status()).hasValue("Sun, 21 Nov 2027 18:30:05 GMT");
        }
        Reply[] v2 = {api.alice.get("/v2/bookmarks"), api.alice.get("/v2/bookmarks/" + (id + 5))};
        for (Reply reply : v2) {
            assertThat(reply.header("Deprecation")).as("Deprecation on a /v2 answer %d", reply.status()).isEmpty();
            assertThat(reply.header("Sunset")).as("Sunset on a /v2 answer %d", reply.status()).isEmpty();
        }
    }

    @Test
    void fieldsAreNamesOfTheVersionAsked() {
        long id = api.create("https://example.com/f", "F", "x");
        assertThat(names(api.alice.get("/v2/bookmarks/" + id + "?fields=href,tags").json())).as("members of /v2 ?fields=href,tags")
                .containsExactly("href", "tags");
        assertThat(names(api.alice.get("/v2/bookmarks/" + id + "?fields=%20created_at%20,%20id").json())).as("members of ?fields= created_at , id (in the bookmark's order)")
                .containsExactly("id", "created_at");
        assertProblem(api.alice.get("/v2/bookmarks/" + id + "?fields=url"), 400, "/v2 ?fields=url, the version 1 name");
        assertProblem(api.alice.get("/v1/bookmarks/" + id + "?fields=href"), 400, "/v1 ?fields=href, the version 2 name");
        assertThat(names(api.alice.get("/v1/bookmarks/" + id + "?fields=").json())).as("members of ?fields= (empty)")
                .containsExactly("id", "url", "title", "description", "tags", "created_at", "updated_at");
        assertThat(names(api.alice.get("/v2/bookmarks?fields=updated_at,description").json().path("data").path(0)))
                .as("members of a /v2 list with ?fields=updated_at,description").containsExactly("description", "updated_at");
    }

    @Test
    void v2ChangesTheUrlUnderItsOwnName() {
        long id = api.create("https://example.com/old", "Old");
        Reply patched = api.alice.patch("/v2/bookmarks/" + id, "{\"href\":\"https://example.com/new\"}");
        assertThat(patched.status()).as("status of a /v2 PATCH of href (%s)", patched.summary()).isEqualTo(200);
        assertThat(patched.json().path("href").asText()).as("href after the PATCH").isEqualTo("https://example.com/new");
        assertThat(api.alice.get("/v1/bookmarks/" + id).json().path("url").asText()).as("url through /v1 after the /v2 PATCH")
                .isEqualTo("https://example.com/new");
        Reply v2 = api.alice.get("/v2/bookmarks/" + id);
        assertThat(v2.json().path("description").asText()).as("description through /v2").isEqualTo("about Old");
        assertThat(v2.json().path("created_at").asText()).as("created_at through /v2").isEqualTo("2026-03-02T09:00:15Z");
        assertThat(v2.json().path("updated_at").asText()).as("updated_at through /v2").isEqualTo("2026-03-02T09:00:15Z");
    }
}
