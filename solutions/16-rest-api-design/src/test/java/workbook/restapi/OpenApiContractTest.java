package workbook.restapi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.testing.MutableClock;
import workbook.labkit.testing.Task;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real requests to the solution, each checked against the lab's OpenAPI 3.1 document by a JSON Schema
 * validator: status documented, Content-Type documented, required headers present and well-formed,
 * bodies (sent and received) valid. A change to the API that the document does not follow fails here.
 */
class OpenApiContractTest {
    private static final OpenApiContract CONTRACT = OpenApiContract.load();
    @RegisterExtension
    static final Postgres db = Postgres.freshDatabase();
    @RegisterExtension
    final LiveApi api = LiveApi.on(db);

    @Test
    @Task(1)
    void createReadChangeDelete() {
        Reply created = send("POST", "/v1/bookmarks", Client.JSON, LiveApi.body("https://example.com/c", "Contract", "api"));
        String item = created.header("Location").orElseThrow();
        send("GET", item, null, null);
        send("GET", item + "?fields=id,url", null, null);
        send("PATCH", item, Client.MERGE_PATCH, "{\"description\": null, \"tags\": [\"api\", \"http\"]}");
        send("DELETE", item, null, null);
        assertThat(send("GET", item, null, null).status()).as("status after the delete").isEqualTo(404);
    }

    @Test
    @Task(2)
    void everyErrorIsDocumented() throws Exception {
        long id = api.create("https://example.com/e", "Errors");
        send("POST", "/v1/bookmarks", Client.JSON, "{\"url\": ");
        send("POST", "/v1/bookmarks", "text/plain", "hello");
        send("POST", "/v2/bookmarks", Client.JSON, "{\"href\": \"mailto:someone\", \"title\": \"\"}");
        send("POST", "/v1/bookmarks", Client.JSON, LiveApi.body("https://example.com/e", "Again"));
        send("PATCH", "/v1/bookmarks/" + id, Client.JSON, "{}");
        send("GET", "/v1/bookmarks/" + (id + 1), null, null);
        send("GET", "/v1/bookmarks?limit=0", null, null);
        MutableClock clock = MutableClock.at(LiveApi.START);
        api.restart(clock, Quota.fixedWindow(1, Duration.ofMinutes(1), clock));
        send("GET", "/v2/bookmarks", null, null);
        assertThat(send("GET", "/v2/bookmarks", null, null).status()).as("second request of a quota of one").isEqualTo(429);
    }

    @Test
    @Task(4)
    void pagesAndSearch() {
        api.seed("alice", 25);
        Reply first = send("GET", "/v2/bookmarks?limit=10&q=bookmark", null, null);
        send("GET", Task4PaginationAndSearchTest.next(first).orElseThrow(), null, null);
        send("GET", "/v1/bookmarks?tag=none", null, null);
    }

    @Test
    @Task(5)
    void conditionalRequests() {
        long id = api.create("https://example.com/cond", "Conditional");
        String etag = send("GET", "/v2/bookmarks/" + id, null, null).header("ETag").orElseThrow();
        assertThat(send("GET", "/v2/bookmarks/" + id, null, null, "If-None-Match", etag).status()).as("status with If-None-Match").isEqualTo(304);
        send("PATCH", "/v2/bookmarks/" + id, Client.MERGE_PATCH, "{\"title\": \"Once\"}", "If-Match", etag);
        assertThat(send("PATCH", "/v2/bookmarks/" + id, Client.MERGE_PATCH, "{\"title\": \"Twice\"}", "If-Match", etag).status())
                .as("status of a PATCH with an old If-Match").isEqualTo(412);
    }

    private Reply send(String method, String path, String contentType, String body, String... headers) {
        String[] all = contentType == null ? headers : Client.withContentType(contentType, headers);
        Reply reply = api.alice.send(method, path, body, all);
        assertThat(CONTRACT.check(method, path, contentType, body, reply)).as("differences between %s %s (%s) and the OpenAPI "
                + "document", method, path, reply.summary()).isEmpty();
        return reply;
    }
}
