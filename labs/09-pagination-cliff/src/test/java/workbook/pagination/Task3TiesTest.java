package workbook.pagination;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.testing.Task;

import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Paging by created_at, which is not unique: the pair (created_at, id) is. */
@Task(3)
class Task3TiesTest {
    @RegisterExtension
    static final MillionPosts million = MillionPosts.shared();
    @RegisterExtension
    static final Postgres small = Postgres.freshDatabase();

    @Test
    void walking_by_created_at_returns_every_post_exactly_once() {
        Fixtures.smallTable(small.jdbc(), 600, 30);   // 20 seconds, 30 posts in each
        PostPager pager = new PostPager(small.jdbc(), Fixtures.SECRET);

        List<Page> pages = Walks.forward(pager, PageRequest.first(Sort.CREATED_ASC, 20), 100);
        List<Post> posts = pages.stream().flatMap(page -> page.items().stream()).toList();

        Walks.assertEachExactlyOnce(Fixtures.allIds(small.jdbc()), Walks.ids(pages),
                "600 posts walked 20 at a time by created_at, 30 posts sharing each second",
                "Posts that share a created_at have no defined order, so a page edge that falls inside a second "
                        + "cuts it differently on each request. Order and compare by the unique pair (created_at, id).");
        assertThat(posts).as("posts in created_at order, ties in id order")
                .isSortedAccordingTo(Comparator.comparing(Post::createdAt).thenComparing(Post::id));
    }

    @Test
    void the_created_at_order_is_read_from_a_matching_index_without_sorting() {
        PostPager pager = new PostPager(million.jdbc(), Fixtures.SECRET);
        PageRequest first = PageRequest.first(Sort.CREATED_ASC, 20);
        PageRequest second = first.withCursor(pager.list(first).nextCursor());

        // Page 2 first: it shows OFFSET or a missing index at once, before the walk below.
        assertCheap(Plans.cost(million.jdbc(), pager.queryFor(second)), "page 2");

        PageRequest deep = Walks.skip(pager, first.withLimit(100), 200).withLimit(20);   // past 20,000 posts
        assertCheap(Plans.cost(million.jdbc(), pager.queryFor(deep)), "the page after 20,000 posts");
    }

    private static void assertCheap(PageCost cost, String which) {
        assertThat(cost.sorts())
                .as("whether the plan of %s by created_at sorts: sorting means reading every matching row to "
                        + "find the first 20; an index on (created_at, id), the exact order of the page, needs no "
                        + "sort; %s", which, cost)
                .isFalse();
        assertThat(cost.nodeTypes()).as("plan nodes of %s by created_at", which).contains("Index Scan");
        assertThat(cost.indexes()).as("indexes used by %s by created_at", which).hasSize(1);
        String definition = million.jdbc().queryForObject(
                "select indexdef from pg_indexes where indexname = ?", String.class, cost.indexes().get(0));
        assertThat(definition).as("the index %s by created_at reads", which).contains("(created_at, id)");
        assertThat(cost.rowsRead())
                .as("rows read for %s of 20 posts by created_at: the scan must start at the cursor's "
                        + "(created_at, id), so compare the pair with a row comparison the index can use; %s", which, cost)
                .isBetween(20L, 21L);
        assertThat(cost.buffers()).as("buffers for %s of 20 posts; %s", which, cost).isLessThanOrEqualTo(60);
    }
}
