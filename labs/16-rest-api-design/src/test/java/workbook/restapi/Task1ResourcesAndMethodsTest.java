package workbook.restapi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.testing.Task;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static workbook.restapi.LiveApi.body;

@Task(1)
class Task1ResourcesAndMethodsTest {
    @RegisterExtension
    static final Postgres db = Postgres.freshDatabase();
    @RegisterExtension
    final LiveApi api = LiveApi.on(db);

    @Test
    void postCreatesWith201AndTheLocationOfTheNewBookmark() {
        Reply created = api.alice.post("/v1/bookmarks", body("https://www.postgresql.org/docs/", "PostgreSQL docs", "db"));
        assertThat(created.status()).as("status of POST /v1/bookmarks that created a bookmark (%s): a create is "
                + "201 Created, not 200", created.summary()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        assertThat(created.header("Location")).as("Location header of the 201: where the new bookmark lives")
                .hasValue("/v1/bookmarks/" + id);
        assertThat(created.json().path("title").asText()).as("the 201's body is the new bookmark").isEqualTo("PostgreSQL docs");
        assertThat(created.json().path("tags").toString()).as("tags in the 201's body").isEqualTo("[\"db\"]");
        assertThat(api.store.count("alice")).as("bookmarks stored").isEqualTo(1);

        Reply fetched = api.alice.get("/v1/bookmarks/" + id);
        assertThat(fetched.status()).as("status of GET on the Location").isEqualTo(200);
        assertThat(fetched.json()).as("GET on the Location returns what the POST returned").isEqualTo(created.json());
    }

    @Test
    void aMissingBookmarkIs404AndSoIsAnotherUsersBookmark() {
        long id = api.create("https://example.com/mine", "Mine");
        Reply missing = api.alice.get("/v1/bookmarks/" + (id + 1000));
        assertThat(missing.status()).as("status of GET on a bookmark that does not exist (%s): 404, never 200 with "
                + "an error in the body", missing.summary()).isEqualTo(404);
        assertThat(api.alice.get("/v1/bookmarks/first").status()).as("status of GET /v1/bookmarks/first: an id that is "
                + "not a number names no resource").isEqualTo(404);
        assertThat(api.alice.patch("/v1/bookmarks/" + (id + 1000), "{\"title\":\"x\"}").status()).as("status of PATCH "
                + "on a bookmark that does not exist").isEqualTo(404);
        Reply someoneElses = api.alice.as("bob").get("/v1/bookmarks/" + id);
        assertThat(someoneElses.status()).as("status of bob's GET on alice's bookmark: 404 (bob has no such bookmark; "
                + "403 would tell him it exists)").isEqualTo(404);
    }

    @Test
    void patchAnswers200WithTheChangedBookmark() {
        long id = api.create("https://example.com/a", "Old title", "keep");
        Reply patched = api.alice.patch("/v1/bookmarks/" + id, "{\"title\":\"New title\"}");
        assertThat(patched.status()).as("status of a PATCH that changed the title (%s)", patched.summary()).isEqualTo(200);
        assertThat(patched.json().path("title").asText()).as("title in the PATCH's answer").isEqualTo("New title");
        assertThat(patched.json().path("url").asText()).as("url after a patch that did not mention it: kept").isEqualTo("https://example.com/a");
        assertThat(api.store.find("alice", id).orElseThrow().title()).as("title stored").isEqualTo("New title");
    }

    @Test
    void deleteAnswers204AndTheBookmarkIsGone() {
        long id = api.create("https://example.com/gone", "Soon gone");
        Reply deleted = api.alice.delete("/v1/bookmarks/" + id);
        assertThat(deleted.status()).as("status of a DELETE that deleted (%s): 204 No Content", deleted.summary()).isEqualTo(204);
        assertThat(deleted.body()).as("body of the 204").isEmpty();
        assertThat(api.alice.get("/v1/bookmarks/" + id).status()).as("status of GET after the DELETE").isEqualTo(404);
        assertThat(api.alice.delete("/v1/bookmarks/" + id).status()).as("status of a second DELETE of the same bookmark").isEqualTo(404);
    }

    @Test
    void aMethodTheResourceDoesNotHaveIs405WithAllow() {
        long id = api.create("https://example.com/item", "Item");
        Reply put = api.alice.send("PUT", "/v1/bookmarks/" + id, body("https://example.com/item", "Item"), "Content-Type", "application/json");
        assertThat(put.status()).as("status of PUT on a bookmark (this API has no PUT): %s", put.summary()).isEqualTo(405);
        assertThat(methods(put)).as("Allow header of the 405 on /v1/bookmarks/{id}: RFC 9110 requires it, listing what "
                + "the resource supports (the server answers HEAD as GET)").isEqualTo(Set.of("GET", "HEAD", "PATCH", "DELETE"));

        Reply deleteAll = api.alice.delete("/v1/bookmarks");
        assertThat(deleteAll.status()).as("status of DELETE on the whole collection: %s", deleteAll.summary()).isEqualTo(405);
        assertThat(methods(deleteAll)).as("Allow header of the 405 on /v1/bookmarks").isEqualTo(Set.of("GET", "HEAD", "POST"));
        assertThat(api.store.count("alice")).as("bookmarks left after the refused DELETE").isEqualTo(1);
    }

    static Set<String> methods(Reply reply) {
        return Arrays.stream(reply.header("Allow").orElse("").split(",")).map(String::strip)
                .filter(m -> !m.isEmpty()).collect(Collectors.toSet());
    }
}
