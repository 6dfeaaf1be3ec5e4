package workbook.pagination;

import org.springframework.jdbc.core.RowMapper;

import java.time.Instant;
import java.time.OffsetDateTime;

/** One row of the {@code posts} table, as the API returns it. */
public record Post(long id, int authorId, Instant createdAt, String title) {

    /** Reads a row of {@code select id, author_id, created_at, title from posts}. */
    public static final RowMapper<Post> FROM_ROW = (rs, row) -> new Post(
            rs.getLong("id"), rs.getInt("author_id"),
            rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("title"));
}
