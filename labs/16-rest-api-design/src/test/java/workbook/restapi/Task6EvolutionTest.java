package workbook.restapi;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.testing.Task;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static workbook.restapi.Problems.assertProblem;

@Task(6)
class Task6EvolutionTest {
    @RegisterExtension
    static final Postgres db = Postgres.freshDatabase();
    @RegisterExtension
    final LiveApi api = LiveApi.on(db);

    @Test
    void sparseFieldsetsReturnOnlyWhatWasAskedFor() {
        long id = api.create("https://example.com/sparse", "Sparse", "a");
        Reply one = api.alice.get("/v1/bookmarks/" + id + "?fields=id,url");
        assertThat(names(one.json())).as("members of GET ?fields=id,url (%s)", one.summary()).containsExactly("id", "url");
        Reply list = api.alice.get("/v1/bookmarks?fields=title");
        assertThat(names(list.json().path("data").path(0))).as("members of each listed bookmark with ?fields=title").containsExactly("title");
        assertProblem(api.alice.get("/v1/bookmarks/" + id + "?fields=id,colour"), 400, "?fields= naming a member that does not exist");
    }

    @Test
    void version2RenamesUrlToHrefAndVersion1KeepsWorking() {
        Reply created = api.alice.post("/v2/bookmarks", "{\"href\":\"https://example.com/v2\",\"title\":\"Made in v2\"}");
        assertThat(created.status()).as("status of POST /v2/bookmarks with href (%s)", created.summary()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        assertThat(created.header("Location")).as("Location of a bookmark made through /v2").hasValue("/v2/bookmarks/" + id);
        assertThat(names(created.json())).as("members of a version 2 bookmark").contains("href").doesNotContain("url");

        Reply old = api.alice.get("/v1/bookmarks/" + id);
        assertThat(old.json().path("url").asText()).as("url of the same bookmark read through /v1: old clients keep working")
                .isEqualTo("https://example.com/v2");
        assertProblem(api.alice.post("/v2/bookmarks", "{\"url\":\"https://example.com/x\",\"title\":\"Old name\"}"), 422,
                "POST /v2/bookmarks with the version 1 name url instead of href");
    }

    @Test
    void version1AnnouncesItsDeprecationAndSunset() {
        Reply v1 = api.alice.get("/v1/bookmarks");
        assertThat(v1.header("Deprecation")).as("Deprecation header on /v1 (RFC 9745: @ and the Unix time of "
                + "2026-01-15T00:00:00Z)").hasValue("@1768435200");
        assertThat(v1.header("Sunset")).as("Sunset header on /v1 (RFC 8594: an HTTP-date, IMF-fixdate form, for "
                + "2027-01-05T00:00:00Z)").hasValue("Tue, 05 Jan 2027 00:00:00 GMT");
        Reply v2 = api.alice.get("/v2/bookmarks");
        assertThat(v2.status()).as("status of GET /v2/bookmarks").isEqualTo(200);
        assertThat(v2.header("Deprecation")).as("Deprecation header on /v2, the current version").isEmpty();
    }

    static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
