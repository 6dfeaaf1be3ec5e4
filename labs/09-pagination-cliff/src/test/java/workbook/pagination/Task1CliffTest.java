package workbook.pagination;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.testing.Task;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cliff, measured on a million posts: the statement the starter's pager sends for page N is
 * {@code ORDER BY id LIMIT 20 OFFSET (N - 1) * 20}. Your {@link PageCost#explain} reads what it cost.
 */
@Task(1)
class Task1CliffTest {
    @RegisterExtension
    static final MillionPosts posts = MillionPosts.shared();

    private static final int PAGE_SIZE = 20;

    static SqlQuery offsetPage(int page) {
        return SqlQuery.of("select id, author_id, created_at, title from posts order by id limit ? offset ?",
                PAGE_SIZE, (page - 1) * PAGE_SIZE);
    }

    @Test
    void the_first_page_reads_one_page_of_rows() {
        PageCost cost = PageCost.explain(posts.jdbc(), offsetPage(1));

        assertThat(cost.rowsRead())
                .as("rows read from the table for OFFSET page 1 (20 per page), from the plan: %s", cost)
                .isEqualTo(20);
        assertThat(cost.nodeTypes())
                .as("plan nodes of page 1: a Limit on top of an Index Scan of the primary key")
                .containsExactly("Limit", "Index Scan");
        assertThat(cost.indexes()).as("indexes the plan used").containsExactly("posts_pkey");
        assertThat(cost.buffers())
                .as("8 kB buffers page 1 touched (Shared Hit + Shared Read Blocks of the top node): a few index "
                        + "pages and a heap page; %s", cost)
                .isBetween(1L, 20L);
        assertThat(cost.millis()).as("Execution Time of page 1 from the plan").isPositive();
    }

    @Test
    void page_5000_walks_past_100000_rows_on_every_request() {
        PageCost first = PageCost.explain(posts.jdbc(), offsetPage(1));
        PageCost deep = PageCost.explain(posts.jdbc(), offsetPage(5000));

        assertThat(deep.rowsRead())
                .as("rows read for OFFSET page 5000 (offset 99,980): the index scan must produce every skipped row "
                        + "and the Limit throws them away; %s", deep)
                .isGreaterThanOrEqualTo(100_000);
        assertThat(deep.buffers())
                .as("buffers touched by page 5000 against page 1 (%s buffers): 100,000 rows live in over a thousand "
                        + "8 kB pages; %s", first.buffers(), deep)
                .isGreaterThan(50 * first.buffers());
    }

    @Test
    void rows_read_grow_with_the_offset() {
        for (int page : new int[]{2, 50, 1000}) {
            PageCost cost = PageCost.explain(posts.jdbc(), offsetPage(page));
            assertThat(cost.rowsRead())
                    .as("rows read for OFFSET page %s: the offset (%s) plus the page (20); %s",
                            page, (page - 1) * PAGE_SIZE, cost)
                    .isEqualTo((long) page * PAGE_SIZE);
        }
    }
}
