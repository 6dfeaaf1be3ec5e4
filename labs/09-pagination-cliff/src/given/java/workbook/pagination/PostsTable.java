package workbook.pagination;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code posts} table: its shape, a fast way to fill it with test data, and its indexes. Tests and
 * the experiment call {@link #create}, then {@link #fill}, then {@link #createIndexes}: indexes come after
 * the bulk load, because building an index once over all the rows is much faster than updating it a
 * million times. Given: the indexes themselves are yours, in {@link PostIndexes}.
 */
public final class PostsTable {
    private PostsTable() {
    }

    public static void create(JdbcTemplate jdbc) {
        jdbc.execute("""
                create table posts (
                    id         bigint not null,
                    author_id  int not null,
                    created_at timestamptz not null,
                    title      text not null
                )""");
    }

    /**
     * Inserts posts 1..rows in one statement, generated inside PostgreSQL: a million rows take seconds,
     * not the minutes a million JDBC round trips would. Exactly {@code postsPerSecond} posts share each
     * {@code created_at} second, and ids are not in step with time (the posts were imported from several
     * sources), so sorting by {@code created_at} alone leaves many ties in no particular order. Authors
     * are 1..50, round robin.
     */
    public static void fill(JdbcTemplate jdbc, int rows, int postsPerSecond) {
        // 1_000_003 is prime, so (id * 1_000_003) % rows visits every slot 0..rows-1 once: a shuffle
        // that needs no random numbers and gives the same table on every run.
        jdbc.update("""
                insert into posts (id, author_id, created_at, title)
                select g,
                       1 + g % 50,
                       timestamptz '2024-01-01 00:00:00+00'
                           + ((g * 1000003) % ?) / ? * interval '1 second',
                       'post ' || g
                from generate_series(1::bigint, ?) g""", rows, postsPerSecond, rows);
    }

    /**
     * The primary key, then the indexes of {@link PostIndexes#create} (Task 3), then fresh planner
     * statistics.
     */
    public static void createIndexes(JdbcTemplate jdbc) {
        jdbc.execute("alter table posts add primary key (id)");
        PostIndexes.create(jdbc);
        jdbc.execute("analyze posts");
    }
}
