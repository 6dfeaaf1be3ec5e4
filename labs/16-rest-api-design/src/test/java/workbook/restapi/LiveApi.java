package workbook.restapi;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import workbook.labkit.Postgres;
import workbook.labkit.testing.MutableClock;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The API under test on a real HTTP server, over a fresh schema in the test class's PostgreSQL
 * database, started before each test and stopped after it:
 * {@code @RegisterExtension final LiveApi api = LiveApi.on(db);}
 */
final class LiveApi implements BeforeEachCallback, AfterEachCallback {
    static final Instant START = Instant.parse("2026-03-02T09:00:15Z");
    /** Version 1 is deprecated since 15 January 2026 and gone after 5 January 2027. */
    static final Sunsetting V1_PLAN = new Sunsetting(Instant.parse("2026-01-15T00:00:00Z"), Instant.parse("2027-01-05T00:00:00Z"));

    private final Postgres db;
    private final Sunsetting plan;
    MutableClock clock;
    BookmarkStore store;
    BookmarkServer server;
    Client alice;

    private LiveApi(Postgres db, Sunsetting plan) {
        this.db = db;
        this.plan = plan;
    }

    static LiveApi on(Postgres db) {
        return new LiveApi(db, V1_PLAN);
    }

    /** The same, with another retirement plan for version 1. */
    static LiveApi on(Postgres db, Sunsetting plan) {
        return new LiveApi(db, plan);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        MutableClock startClock = MutableClock.at(START);
        restart(startClock, Quota.unlimited());
    }

    /** Stops the server and starts a new one on an empty schema, with this clock and quota. */
    void restart(MutableClock newClock, Quota quota) throws IOException {
        close();
        clock = newClock;
        store = new BookmarkStore(db.dataSource(), clock);
        store.createSchema();
        server = BookmarkServer.start(new BookmarkApi(new ApiSetup(store, quota, plan, clock)));
        alice = new Client(server.uri(), "alice");
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    private void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** A bookmark body in version 1's names. */
    static String body(String url, String title, String... tags) {
        return Json.write(Json.object().put("url", url).put("title", title).put("description", "about " + title)
                .set("tags", Json.MAPPER.valueToTree(List.of(tags))));
    }

    /** Stores {@code count} bookmarks for the user straight in PostgreSQL (not through the API); ids oldest first. */
    List<Long> seed(String user, int count) {
        List<Long> ids = new ArrayList<>();
        int before = store.count(user);
        for (int i = before; i < before + count; i++) {
            ids.add(store.insert(user, new NewBookmark("https://example.com/" + user + "/" + i, "Bookmark " + i, null, List.of())).id());
        }
        return ids;
    }

    /** Creates one bookmark through the API and returns its id. */
    long create(String url, String title, String... tags) {
        Reply reply = alice.post("/v1/bookmarks", body(url, title, tags));
        JsonNode id = reply.json().path("id");
        if (!id.canConvertToLong()) {
            throw new AssertionError("POST /v1/bookmarks answered without an id: " + reply.summary());
        }
        return id.asLong();
    }
}
