package workbook.pagination;

import org.springframework.jdbc.core.JdbcTemplate;

/** Task 3: the indexes the pager's queries need, beyond the primary key. */
public final class PostIndexes {
    private PostIndexes() {
    }

    /**
     * Creates the indexes the pager's queries need. {@link PostsTable#createIndexes} calls it after the
     * bulk load, once the primary key (an index on {@code id}) exists, and refreshes the planner
     * statistics afterwards.
     */
    public static void create(JdbcTemplate jdbc) {
        // Task 3: the primary key serves the id orders; what does paging by created_at need?
    }
}
