package workbook.restapi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.testing.Task;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static workbook.restapi.Problems.assertProblem;

@Task(5)
class HiddenTask5PreconditionsTest {
    @RegisterExtension
    static final Postgres db = Postgres.freshDatabase();
    @RegisterExtension
    final LiveApi api = LiveApi.on(db);

    @Test
    void everyBookmarkResponseCarriesTheCurrentTag() {
        Reply created = api.alice.post("/v1/bookmarks", LiveApi.body("https://example.com/t", "T"));
        long id = created.json().path("id").asLong();
        assertThat(created.header("ETag")).as("ETag of the 201").isEqualTo(api.alice.get("/v1/bookmarks/" + id).header("ETag"));
        Reply patched = api.alice.patch("/v1/bookmarks/" + id, "{\"title\":\"T2\"}");
        assertThat(patched.header("ETag")).as("ETag of the PATCH's 200").isPresent()
                .isEqualTo(api.alice.get("/v1/bookmarks/" + id).header("ETag")).isNotEqualTo(created.header("ETag"));
    }

    @Test
    void twoBookmarksNeverShareATag() {
        long first = api.create("https://example.com/1", "One");
        long second = api.create("https://example.com/2", "Two");
        String firstTag = api.alice.get("/v1/bookmarks/" + first).header("ETag").orElseThrow();
        assertThat(api.alice.get("/v1/bookmarks/" + second, "If-None-Match", firstTag).status())
                .as("status of GET of bookmark 2 with If-None-Match of bookmark 1, both at version 1").isEqualTo(200);
    }

    @Test
    void ifNoneMatchFormsOverHttp() {
        long id = api.create("https://example.com/n", "N");
        String tag = api.alice.get("/v1/bookmarks/" + id).header("ETag").orElseThrow();
        assertThat(api.alice.get("/v1/bookmarks/" + id, "If-None-Match", "*").status()).as("If-None-Match: *").isEqualTo(304);
        assertThat(api.alice.get("/v1/bookmarks/" + id, "If-None-Match", "W/" + tag).status()).as("If-None-Match: W/<tag>").isEqualTo(304);
        assertThat(api.alice.get("/v1/bookmarks/" + id, "If-None-Match", "\"a\",\"b\" ,  " + tag).status()).as("If-None-Match: a list ending in the tag").isEqualTo(304);
        assertThat(api.alice.get("/v1/bookmarks/" + id, "If-None-Match", "\"a\"").status()).as("If-None-Match: another tag").isEqualTo(200);
    }

    @Test
    void ifMatchFormsOverHttp() {
        long id = api.create("https://example.com/m", "M");
        String tag = api.alice.get("/v1/bookmarks/" + id).header("ETag").orElseThrow();
        assertProblem(api.alice.patch("/v1/bookmarks/" + id, "{\"title\":\"weak\"}", "If-Match", "W/" + tag), 412, "If-Match: W/<tag>");
        assertThat(api.store.find("alice", id).orElseThrow().title()).as("title after the refused PATCH").isEqualTo("M");
        assertThat(api.alice.patch("/v1/bookmarks/" + id, "{\"title\":\"listed\"}", "If-Match", "\"x\", " + tag).status())
                .as("If-Match: a list holding the current tag").isEqualTo(200);
        assertThat(api.alice.patch("/v1/bookmarks/" + id, "{\"title\":\"star\"}", "If-Match", "*").status()).as("If-Match: *").isEqualTo(200);
        assertThat(api.alice.patch("/v1/bookmarks/" + id, "{\"title\":\"none\"}").status()).as("PATCH without If-Match").isEqualTo(200);
        assertProblem(api.alice.patch("/v1/bookmarks/" + (id + 7), "{\"title\":\"?\"}", "If-Match", "*"), 404, "If-Match: * on a missing bookmark");
    }

    @Test
    void tagComparisonsOneByOne() {
        Bookmark bookmark = new Bookmark(12, "alice", "https://example.com", "t", null, List.of(), Instant.EPOCH, Instant.EPOCH, 4);
        String tag = Preconditions.etag(bookmark);
        assertThat(Preconditions.noneMatchHits(" * ", tag)).as("If-None-Match ' * '").isTrue();
        assertThat(Preconditions.noneMatchHits(tag + ", \"zz\"", tag)).as("If-None-Match with the tag first").isTrue();
        assertThat(Preconditions.noneMatchHits("W/\"zz\"", tag)).as("If-None-Match with another weak tag").isFalse();
        assertThat(Preconditions.matches(" " + tag + " ", tag)).as("If-Match with the tag and spaces").isTrue();
        assertThat(Preconditions.matches("\"zz\"", tag)).as("If-Match with another tag").isFalse();
    }
}
