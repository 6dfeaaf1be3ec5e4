package workbook.restapi;

import com.fasterxml.jackson.databind.JsonNode;
import workbook.labkit.Postgres;
import workbook.labkit.testing.MutableClock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The API under test on a real HTTP server, over a fresh schema in the test class's PostgreSQL database. */
final class LiveApi implements AutoCloseable {
    static final Instant START = Instant.parse("2026-03-02T09:00:15Z");
    /** Version 1 is deprecated since 15 January 2026 and gone after 5 January 2027. */
    static final Sunsetting V1_PLAN = new Sunsetting(Instant.parse("2026-01-15T00:00:00Z"), Instant.parse("2027-01-05T00:00:00Z"));

    final MutableClock clock;
    final BookmarkStore store;
    final BookmarkServer server;
    final Client alice;

    private LiveApi(Postgres db, MutableClock clock, Quota quota, Sunsetting plan) {
        this.clock = clock;
        this.store = new BookmarkStore(db.dataSource(), clock);
        store.createSchema();
        try {
            this.server = BookmarkServer.start(new BookmarkApi(new ApiSetup(store, quota, plan, clock)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.alice = new Client(server.uri(), "alice");
    }

    static LiveApi start(Postgres db) {
        return start(db, Quota.unlimited());
    }

    static LiveApi start(Postgres db, Quota quota) {
        MutableClock clock = MutableClock.at(START);
        return new LiveApi(db, clock, quota, V1_PLAN);
    }

    static LiveApi start(Postgres db, MutableClock clock, Quota quota, Sunsetting plan) {
        return new LiveApi(db, clock, quota, plan);
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

    @Override
    public void close() {
        server.close();
    }
}
