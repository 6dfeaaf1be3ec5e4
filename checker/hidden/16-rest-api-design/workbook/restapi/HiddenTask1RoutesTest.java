package workbook.restapi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.testing.Task;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static workbook.restapi.LiveApi.body;
import static workbook.restapi.Task1ResourcesAndMethodsTest.methods;

@Task(1)
class HiddenTask1RoutesTest {
    @RegisterExtension
    static final Postgres db = Postgres.freshDatabase();
    @RegisterExtension
    final LiveApi api = LiveApi.on(db);

    @Test
    void pathsThatAreNoResourceAre404() {
        for (String path : new String[] {"/v1/bookmarks/abc", "/v1/bookmarks/1/extra", "/v3/bookmarks", "/v1/bookmarksx", "/bookmarks"}) {
            assertThat(api.alice.get(path).status()).as("status of GET %s", path).isEqualTo(404);
        }
    }

    @Test
    void changesToAMissingOrForeignBookmarkAre404AndChangeNothing() {
        long id = api.create("https://example.com/alices", "Alice's");
        Client bob = api.alice.as("bob");
        assertThat(bob.delete("/v1/bookmarks/" + id).status()).as("status of bob's DELETE of alice's bookmark").isEqualTo(404);
        assertThat(bob.patch("/v1/bookmarks/" + id, "{\"title\":\"Bob was here\"}").status()).as("status of bob's PATCH of alice's bookmark").isEqualTo(404);
        assertThat(api.alice.patch("/v1/bookmarks/" + (id + 50), "{\"title\":\"x\"}").status()).as("status of PATCH of a missing bookmark").isEqualTo(404);
        assertThat(api.store.find("alice", id).orElseThrow().title()).as("alice's title after bob's attempts").isEqualTo("Alice's");
    }

    @Test
    void everyMethodTheResourcesLackIs405() {
        long id = api.create("https://example.com/m", "Methods");
        for (String method : new String[] {"PUT", "PATCH", "OPTIONS"}) {
            Reply reply = api.alice.send(method, "/v1/bookmarks", "{}", "Content-Type", "application/json");
            assertThat(reply.status()).as("status of %s /v1/bookmarks", method).isEqualTo(405);
            assertThat(methods(reply)).as("Allow of %s /v1/bookmarks", method).isEqualTo(Set.of("GET", "HEAD", "POST"));
        }
        for (String method : new String[] {"POST", "OPTIONS"}) {
            Reply reply = api.alice.send(method, "/v2/bookmarks/" + id, "{}", "Content-Type", "application/json");
            assertThat(reply.status()).as("status of %s /v2/bookmarks/{id}", method).isEqualTo(405);
            assertThat(methods(reply)).as("Allow of %s /v2/bookmarks/{id}", method).isEqualTo(Set.of("GET", "HEAD", "PATCH", "DELETE"));
        }
    }

    @Test
    void theCreatedBodyIsTheWholeBookmark() {
        Reply created = api.alice.post("/v1/bookmarks", body("https://example.com/whole", "Whole", "x", "y"));
        assertThat(created.mediaType()).as("Content-Type of the 201").isEqualTo("application/json");
        assertThat(created.json().path("tags").toString()).as("tags in the 201").isEqualTo("[\"x\",\"y\"]");
        assertThat(created.json().path("created_at").asText()).as("created_at in the 201").isEqualTo("2026-03-02T09:00:15Z");
        assertThat(api.alice.send("HEAD", "/v1/bookmarks/" + created.json().path("id").asLong(), null).status())
                .as("status of HEAD on the new bookmark").isEqualTo(200);
    }
}
