package workbook.pagination;

import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Small tables for the tests that write or walk every page, and the server secret the tests use. */
final class Fixtures {
    static final byte[] SECRET = "lab 09: the secret this test server signs cursors with".getBytes(StandardCharsets.UTF_8);
    static final byte[] ANOTHER_SECRET = "lab 09: the secret of some other server, not this one".getBytes(StandardCharsets.UTF_8);

    private Fixtures() {
    }

    /** Drops and rebuilds {@code posts} with ids 1..rows, {@code postsPerSecond} posts sharing each second. */
    static void smallTable(JdbcTemplate jdbc, int rows, int postsPerSecond) {
        jdbc.execute("drop table if exists posts");
        PostsTable.create(jdbc);
        PostsTable.fill(jdbc, rows, postsPerSecond);
        PostsTable.createIndexes(jdbc);
    }

    static List<Long> allIds(JdbcTemplate jdbc) {
        return jdbc.queryForList("select id from posts order by id", Long.class);
    }

    static void insert(JdbcTemplate jdbc, long id, Instant createdAt) {
        jdbc.update("insert into posts (id, author_id, created_at, title) values (?, ?, ?, ?)",
                id, 1 + (int) (id % 50), OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC), "post " + id);
    }

    /** The created_at of the oldest post of a table filled by {@link PostsTable#fill}. */
    static final Instant FIRST_SECOND = Instant.parse("2024-01-01T00:00:00Z");
}
