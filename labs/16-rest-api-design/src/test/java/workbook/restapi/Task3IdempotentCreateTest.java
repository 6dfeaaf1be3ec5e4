package workbook.restapi;

import eu.rekawek.toxiproxy.model.ToxicDirection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.Toxi;
import workbook.labkit.testing.Concurrently;
import workbook.labkit.testing.Task;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;
import static workbook.restapi.LiveApi.body;
import static workbook.restapi.Problems.assertProblem;

@Task(3)
class Task3IdempotentCreateTest {
    @RegisterExtension
    static final Postgres db = Postgres.freshDatabase();
    @RegisterExtension
    static final Toxi toxi = Toxi.create();
    @RegisterExtension
    final LiveApi api = LiveApi.on(db);

    @Test
    void aPostRetriedAfterALostResponseCreatesOneBookmark() throws Exception {
        Toxi.Proxied proxy = toxi.localPort("bookmarks", api.server.port());
        Client throughProxy = new Client(java.net.URI.create("http://" + proxy.host() + ":" + proxy.port()), "alice");
        String bookmark = body("https://example.com/retried", "Retried");
        // The request reaches the server, which stores the bookmark; the response is cut on its way back.
        proxy.toxics().limitData("lose-the-response", ToxicDirection.DOWNSTREAM, 0);
        Throwable lost = catchThrowable(() -> throughProxy.trySend("POST", "/v1/bookmarks", bookmark,
                "Content-Type", "application/json", "Idempotency-Key", "create-7f3a"));
        assertThat(lost).as("the first POST, whose response the network lost").isInstanceOf(IOException.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> api.server.requestsAnswered() == 1);
        proxy.toxics().get("lose-the-response").remove();

        Reply retry = throughProxy.post("/v1/bookmarks", bookmark, "Idempotency-Key", "create-7f3a");
        await().atMost(Duration.ofSeconds(5)).until(() -> api.server.requestsAnswered() == 2);
        assertThat(api.store.count("alice")).as("bookmarks after a POST whose response was lost and its retry with the "
                + "same Idempotency-Key. 2 is the duplicate create: claim the key and store the bookmark in one "
                + "transaction, then answer the retry from what was recorded").isEqualTo(1);
        assertThat(retry.status()).as("status of the retry (%s): the first request's 201, replayed. An error here "
                + "(409: 'you already have this URL') tells the client that its own create failed: it cannot tell that "
                + "the bookmark exists because of it, nor where it is", retry.summary()).isEqualTo(201);
        long id = api.store.all("alice").get(0).id();
        assertThat(retry.header("Location")).as("Location of the replayed 201: the bookmark the first request made").hasValue("/v1/bookmarks/" + id);
        assertThat(retry.json().path("id").asLong()).as("id in the replayed body").isEqualTo(id);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        Reply first = api.alice.post("/v1/bookmarks", body("https://example.com/one", "One"), "Idempotency-Key", "k-1");
        assertThat(first.status()).as("status of the first POST with key k-1 (a create is 201, Task 1)").isEqualTo(201);
        Reply other = api.alice.post("/v1/bookmarks", body("https://example.com/two", "Two"), "Idempotency-Key", "k-1");
        assertProblem(other, 422, "a POST that reuses key k-1 for ANOTHER bookmark (the IETF Idempotency-Key draft: 422)");
        assertThat(api.store.count("alice")).as("bookmarks after the refused reuse of a key").isEqualTo(1);
        Reply again = api.alice.post("/v1/bookmarks", body("https://example.com/one", "One"), "Idempotency-Key", "k-1");
        assertThat(again.status()).as("status of the first body sent again with k-1").isEqualTo(201);
        assertThat(again.json()).as("the first body sent again gets the recorded answer").isEqualTo(first.json());
    }

    @Test
    void aKeyedCreateOfASavedUrlIsStillAConflict() {
        api.create("https://example.com/saved", "Saved");
        Reply keyed = api.alice.post("/v1/bookmarks", body("https://example.com/saved", "Saved again"), "Idempotency-Key", "k-dup");
        assertProblem(keyed, 409, "a POST with a new key for a URL alice already saved: the key makes retries safe, it "
                + "does not lift the rules");
        assertThat(api.store.count("alice")).as("bookmarks").isEqualTo(1);
    }

    @Test
    void twentyCopiesAtOnceCreateOneBookmark() {
        String bookmark = body("https://example.com/twenty", "Twenty");
        List<Concurrently.Outcome<Reply>> outcomes = Concurrently.run(20,
                caller -> api.alice.post("/v1/bookmarks", bookmark, "Idempotency-Key", "burst-1"));
        List<Reply> replies = Concurrently.values(outcomes);
        Map<Integer, Long> statuses = replies.stream().collect(Collectors.groupingBy(Reply::status, Collectors.counting()));
        assertThat(api.store.count("alice")).as("bookmarks after 20 copies of one POST (one key) arriving together "
                + "(statuses: %s): a check-then-insert lets several copies see no key; the claim must be one atomic "
                + "statement", statuses).isEqualTo(1);
        assertThat(statuses).as("statuses of the 20 copies: all the one 201, recorded and replayed; a 409 is a copy "
                + "told that its own bookmark is a conflict").containsOnlyKeys(201);
        assertThat(replies.stream().map(Reply::body).distinct().count()).as("different bodies among the 20 answers").isEqualTo(1);
    }
}
