package workbook.pagination;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.testing.Task;

import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Keyset pagination on the unique, indexed id: the same cost at every depth. */
@Task(2)
class Task2KeysetTest {
    @RegisterExtension
    static final MillionPosts million = MillionPosts.shared();
    @RegisterExtension
    static final Postgres small = Postgres.freshDatabase();

    @BeforeAll
    static void hundredPosts() {
        Fixtures.smallTable(small.jdbc(), 100, 1);
    }

    @Test
    void every_page_reads_about_the_page_size_at_any_depth() {
        PostPager pager = new PostPager(million.jdbc(), Fixtures.SECRET);
        PageRequest first = PageRequest.first(Sort.ID_ASC, 20);
        Page page1 = pager.list(first);
        PageRequest second = first.withCursor(page1.nextCursor());

        // Page 2 first: on OFFSET it already reads twice the rows, and the walk below would take minutes.
        PageCost page2 = Plans.cost(million.jdbc(), pager.queryFor(second));
        assertThat(page2.rowsRead())
                .as("rows read for page 2 of 20 posts by id (the page, plus at most one to see if another follows); "
                        + "reading 40 means the query still counts past page 1, which is OFFSET; %s", page2)
                .isBetween(20L, 21L);

        // 1,000 pages of 100 bring the client past 100,000 rows: the depth of OFFSET page 5000.
        PageRequest deep = Walks.skip(pager, first.withLimit(100), 1000).withLimit(20);
        Page deepPage = pager.list(deep);
        assertThat(deepPage.items()).as("the page after the first 100,000 posts by id")
                .extracting(Post::id).containsExactlyElementsOf(LongStream.rangeClosed(100_001, 100_020).boxed().toList());

        PageCost deepCost = Plans.cost(million.jdbc(), pager.queryFor(deep));
        assertThat(deepCost.rowsRead())
                .as("rows read for the page of 20 after 100,000 rows (OFFSET reads 100,000 here): keyset starts the "
                        + "index scan at the cursor; %s", deepCost)
                .isBetween(20L, 21L);
        assertThat(deepCost.buffers())
                .as("buffers for that deep page: a few index pages and a heap page or two, as for page 2 (%s); %s",
                        page2.buffers(), deepCost)
                .isLessThanOrEqualTo(20);
        assertThat(deepCost.sorts()).as("whether the plan sorts: the primary key is already in id order; %s", deepCost)
                .isFalse();
    }

    @Test
    void next_cursor_is_null_on_the_last_page() {
        PostPager pager = new PostPager(small.jdbc(), Fixtures.SECRET);
        List<Page> pages = Walks.forward(pager, PageRequest.first(Sort.ID_ASC, 20), 10);

        assertThat(Walks.ids(pages)).as("ids of 100 posts walked 20 at a time by id")
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 100).boxed().toList());
        assertThat(pages)
                .as("pages for 100 posts at 20 a page: page 5 holds the last posts, so its next_cursor must be null; "
                        + "a cursor that leads to an empty page costs every client one useless request (fetch one "
                        + "row more than the page to know whether another page follows)")
                .hasSize(5);
        assertThat(pages.get(0).previousCursor()).as("previous_cursor of the first page").isNull();

        List<Page> byThirty = Walks.forward(pager, PageRequest.first(Sort.ID_ASC, 30), 10);
        assertThat(byThirty).as("pages for 100 posts at 30 a page").hasSize(4);
        assertThat(byThirty.get(3).items()).as("the short last page").hasSize(10);
    }

    @Test
    void the_page_size_is_bounded() {
        PostPager pager = new PostPager(small.jdbc(), Fixtures.SECRET);
        assertThat(pager.list(PageRequest.first(Sort.ID_ASC, PostPager.MAX_LIMIT)).items())
                .as("a page of exactly MAX_LIMIT (100) posts is allowed").hasSize(100);
        for (int limit : new int[]{PostPager.MAX_LIMIT + 1, 1_000_000, 0, -1}) {
            Throwable thrown = catchThrowable(() -> pager.list(PageRequest.first(Sort.ID_ASC, limit)));
            assertThat(thrown)
                    .as("limit=%s must be refused with a clear IllegalArgumentException (a 400 for the client): "
                            + "one request for a million rows is the whole table in one response", limit)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(String.valueOf(PostPager.MAX_LIMIT));
        }
    }
}
