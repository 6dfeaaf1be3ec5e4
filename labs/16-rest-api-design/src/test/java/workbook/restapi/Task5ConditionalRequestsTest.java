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
class Task5ConditionalRequestsTest {
    @RegisterExtension
    static final Postgres db = Postgres.freshDatabase();
    @RegisterExtension
    final LiveApi api = LiveApi.on(db);

    @Test
    void getHasAnETagAndAnUnchangedCopyGets304() {
        long id = api.create("https://example.com/cached", "Cached");
        Reply first = api.alice.get("/v1/bookmarks/" + id);
        String etag = first.header("ETag").orElseThrow(() -> new AssertionError(
                "GET /v1/bookmarks/" + id + " has no ETag header: " + first.summary()));
        assertThat(etag).as("the ETag: an opaque tag in double quotes (RFC 9110 section 8.8.3)").matches("\"[^\"]+\"");

        Reply unchanged = api.alice.get("/v1/bookmarks/" + id, "If-None-Match", etag);
        assertThat(unchanged.status()).as("status of GET with If-None-Match: %s on an unchanged bookmark: 304, the "
                + "client's copy is current (%s)", etag, unchanged.summary()).isEqualTo(304);
        assertThat(unchanged.body()).as("body of the 304").isEmpty();
        assertThat(unchanged.header("ETag")).as("ETag on the 304 (RFC 9110 section 15.4.5: the same as a 200 would have)").hasValue(etag);

        api.alice.patch("/v1/bookmarks/" + id, "{\"title\":\"Changed\"}");
        Reply changed = api.alice.get("/v1/bookmarks/" + id, "If-None-Match", etag);
        assertThat(changed.status()).as("status of GET with the old tag after a change").isEqualTo(200);
        assertThat(changed.header("ETag")).as("ETag after a change").isPresent().get().isNotEqualTo(etag);
    }

    @Test
    void ifMatchStopsTheLostUpdate() {
        long id = api.create("https://example.com/shared", "Shared");
        String seenByAlice = api.alice.get("/v1/bookmarks/" + id).header("ETag").orElse("\"none\"");
        String seenByBob = api.alice.get("/v1/bookmarks/" + id).header("ETag").orElse("\"none\"");

        Reply alices = api.alice.patch("/v1/bookmarks/" + id, "{\"title\":\"Alice's title\"}", "If-Match", seenByAlice);
        assertThat(alices.status()).as("status of the first PATCH with If-Match: %s, the current tag (%s)", seenByAlice,
                alices.summary()).isEqualTo(200);
        Reply bobs = api.alice.patch("/v1/bookmarks/" + id, "{\"title\":\"Bob's title\"}", "If-Match", seenByBob);
        assertThat(api.store.find("alice", id).orElseThrow().title()).as("title after two clients each read version 1 "
                + "and each patched it, the second with If-Match of what it read. \"Bob's title\" is the lost update: "
                + "the first change vanished without anyone seeing it").isEqualTo("Alice's title");
        assertProblem(bobs, 412, "the second PATCH, whose If-Match names a version that is no longer current");
    }

    @Test
    void tagsAreComparedAsRfc9110Says() {
        Bookmark bookmark = new Bookmark(7, "alice", "https://example.com", "t", null, List.of(),
                Instant.EPOCH, Instant.EPOCH, 3);
        String etag = Preconditions.etag(bookmark);
        assertThat(Preconditions.noneMatchHits("\"other\", W/" + etag, etag)).as("If-None-Match listing the tag, weak, "
                + "second in a list: the weak comparison ignores W/").isTrue();
        assertThat(Preconditions.noneMatchHits("\"other\"", etag)).as("If-None-Match naming another tag").isFalse();
        assertThat(Preconditions.noneMatchHits("*", etag)).as("If-None-Match: * on an existing bookmark").isTrue();
        assertThat(Preconditions.matches("W/" + etag, etag)).as("If-Match with the weak form of the tag: the strong "
                + "comparison never matches a weak tag").isFalse();
        assertThat(Preconditions.matches("*", etag)).as("If-Match: * on an existing bookmark").isTrue();
    }
}
