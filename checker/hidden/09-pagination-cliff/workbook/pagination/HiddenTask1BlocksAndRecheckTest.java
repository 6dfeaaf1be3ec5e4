package workbook.pagination;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import workbook.labkit.Postgres;
import workbook.labkit.testing.Task;

import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;

/** Blocks that came from disk are buffers too, and rows an index recheck throws away are rows read. */
@Task(1)
class HiddenTask1BlocksAndRecheckTest {
    /** 1 MB of shared buffers (128 pages): a table of several MB cannot stay in them, so scans read blocks. */
    @RegisterExtension
    static final Postgres smallMemory = Postgres.freshDatabase().withSetting("shared_buffers", "1MB");

    private static final int ROWS = 100_000;

    @BeforeAll
    static void posts() {
        smallMemory.jdbc().execute("drop table if exists posts");
        PostsTable.create(smallMemory.jdbc());
        PostsTable.fill(smallMemory.jdbc(), ROWS, 10);
        smallMemory.jdbc().execute("analyze posts");
    }

    @Test
    void blocks_read_from_disk_count_as_buffers() {
        long pages = smallMemory.jdbc().queryForObject("select pg_relation_size('posts') / 8192", Long.class);
        PageCost cost = PageCost.explain(smallMemory.jdbc(),
                SqlQuery.of("select id, title from posts where title = ?", "post 777"));
        assertThat(cost.buffers())
                .as("buffers touched by a scan of all %s pages of a table that does not fit in 1 MB of shared buffers: "
                        + "most pages are not in memory and come from disk (Shared Read Blocks), the others are "
                        + "found there (Shared Hit Blocks); both are pages the query touched; %s", pages, cost)
                .isEqualTo(pages);
    }

    @Test
    void rows_an_index_recheck_throws_away_are_rows_read() throws Exception {
        try (Connection connection = smallMemory.connect()) {
            JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            // A BRIN index keeps only the smallest and largest id of each range of 128 pages, so it can only
            // point at whole ranges: the scan reads every row of them and rechecks the condition on each.
            jdbc.execute("create index posts_id_brin on posts using brin (id)");
            jdbc.execute("set enable_seqscan = off");
            long rowsInFirstRange = jdbc.queryForObject(
                    "select count(*) from posts where (ctid::text::point)[0] < 128", Long.class);

            PageCost cost = PageCost.explain(jdbc, SqlQuery.of("select id, title from posts where id between ? and ?", 1001L, 1020L));
            assertThat(cost.nodeTypes()).as("plan of 20 posts found through a BRIN index").contains("Bitmap Heap Scan");
            assertThat(cost.rowsRead())
                    .as("rows read to find 20 posts through a BRIN index: the 20, plus every other row of the first "
                            + "128 pages, read and thrown away by the recheck (Rows Removed by Index Recheck); %s", cost)
                    .isEqualTo(rowsInFirstRange);
        }
    }
}
