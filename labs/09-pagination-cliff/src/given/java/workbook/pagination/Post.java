package workbook.pagination;

import java.time.Instant;

/** One row of the {@code posts} table, as the API returns it. */
public record Post(long id, int authorId, Instant createdAt, String title) {
}
