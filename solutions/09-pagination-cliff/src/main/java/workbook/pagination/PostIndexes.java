package workbook.pagination;

import org.springframework.jdbc.core.JdbcTemplate;

/** Task 3: the indexes the pager's queries need, beyond the primary key. */
public final class PostIndexes {
    private PostIndexes() {
    }

    /**
     * Creates the indexes the pager's queries need. The primary key serves the id orders. The created
     * orders compare and sort by the pair {@code (created_at, id)}, so they get an index on exactly that
     * pair: PostgreSQL then reads it forwards for CREATED_ASC and backwards for CREATED_DESC, starting at
     * the cursor, with no sort.
     */
    public static void create(JdbcTemplate jdbc) {
        jdbc.execute("create index posts_created_at_id on posts (created_at, id)");
    }
}
