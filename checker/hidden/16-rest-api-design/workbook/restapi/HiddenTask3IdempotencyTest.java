package workbook.restapi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.testing.Task;

import static org.assertj.core.api.Assertions.assertThat;
import static workbook.restapi.LiveApi.body;
import static workbook.restapi.Problems.assertProblem;

@Task(3)
class HiddenTask3IdempotencyTest {
    @RegisterExtension
    static final Postgres db = Postgres.freshDatabase();
    @RegisterExtension
    final LiveApi api = LiveApi.on(db);

    @Test
    void keysBelongToOneUser() {
        Reply alices = api.alice.post("/v1/bookmarks", body("https://example.com/a", "A"), "Idempotency-Key", "shared");
        Reply bobs = api.alice.as("bob").post("/v1/bookmarks", body("https://example.com/b", "B"), "Idempotency-Key", "shared");
        assertThat(bobs.status()).as("status of bob's POST with the key alice used: keys are per user (%s)", bobs.summary()).isEqualTo(201);
        assertThat(bobs.json().path("id").asLong()).as("bob's bookmark is his own").isNotEqualTo(alices.json().path("id").asLong());
        assertThat(api.store.count("bob")).as("bob's bookmarks").isEqualTo(1);
    }

    @Test
    void theReplayIsTheRecordedResponseWithItsHeaders() {
        Reply first = api.alice.post("/v1/bookmarks", body("https://example.com/r", "R", "t"), "Idempotency-Key", "rec");
        long id = first.json().path("id").asLong();
        api.store.delete("alice", id);
        // The same values, other spacing and member order: the same request.
        Reply replay = api.alice.post("/v1/bookmarks", "{ \"title\" : \"R\", \"tags\": [\"t\"], \"description\": \"about R\","
                + " \"url\": \"https://example.com/r\" }", "Idempotency-Key", "rec");
        assertThat(replay.status()).as("status of the replay (%s)", replay.summary()).isEqualTo(201);
        assertThat(replay.body()).as("body of the replay: the recorded one").isEqualTo(first.body());
        assertThat(replay.header("Location")).as("Location of the replay").isEqualTo(first.header("Location"));
        assertThat(replay.header("ETag")).as("ETag of the replay").isEqualTo(first.header("ETag"));
        assertThat(replay.mediaType()).as("Content-Type of the replay").isEqualTo("application/json");
        assertThat(api.store.count("alice")).as("bookmarks: the replay never creates").isZero();
    }

    @Test
    void aCreateThatFailedLeavesTheKeyFree() {
        long existing = api.create("https://example.com/taken", "Taken");
        assertProblem(api.alice.post("/v1/bookmarks", body("https://example.com/taken", "Again"), "Idempotency-Key", "k-409"),
                409, "a keyed POST of a URL alice already has");
        api.store.delete("alice", existing);
        Reply retry = api.alice.post("/v1/bookmarks", body("https://example.com/taken", "Again"), "Idempotency-Key", "k-409");
        assertThat(retry.status()).as("status of the same keyed POST once the URL is free (%s): the failed create "
                + "must not have kept the key", retry.summary()).isEqualTo(201);
        assertThat(api.store.count("alice")).as("bookmarks").isEqualTo(1);
    }

    @Test
    void theReusedKeyProblemNamesItsType() {
        api.alice.post("/v2/bookmarks", "{\"href\":\"https://example.com/v\",\"title\":\"V\"}", "Idempotency-Key", "typed");
        Reply reused = api.alice.post("/v2/bookmarks", "{\"href\":\"https://example.com/w\",\"title\":\"W\"}", "Idempotency-Key", "typed");
        assertThat(assertProblem(reused, 422, "a reused key on /v2").path("type").asText()).as("type of the problem")
                .isEqualTo("https://bookmarks.example/problems/idempotency-key-reused");
    }
}
