package workbook.pagination;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.testing.Task;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Newest first, and back again: the same guarantees in both directions. */
@Task(6)
class Task6BackwardsTest {
    @RegisterExtension
    static final MillionPosts million = MillionPosts.shared();
    @RegisterExtension
    static final Postgres small = Postgres.freshDatabase();

    @Test
    void previous_cursors_lead_back_through_the_same_pages() {
        Fixtures.smallTable(small.jdbc(), 200, 10);
        PostPager pager = new PostPager(small.jdbc(), Fixtures.SECRET);
        for (Sort sort : Sort.values()) {
            PageRequest first = PageRequest.first(sort, 20);
            List<Page> forward = Walks.forward(pager, first, 20);
            Page last = forward.get(forward.size() - 1);
            assertThat(last.previousCursor()).as("previous_cursor of the last page by %s", sort).isNotNull();

            List<Page> back = new ArrayList<>(Walks.backward(pager, first.withCursor(last.previousCursor()), 20, page -> { }));
            Collections.reverse(back);
            List<List<Long>> expected = forward.subList(0, forward.size() - 1).stream()
                    .map(page -> Walks.ids(List.of(page))).toList();
            assertThat(back.stream().map(page -> Walks.ids(List.of(page))).toList())
                    .as("pages reached by following previous_cursor back from the last page by %s, put back in "
                            + "order: the same pages as on the way forward, each in the list's own order", sort)
                    .isEqualTo(expected);
            assertThat(back.get(0).previousCursor()).as("previous_cursor of the first page, reached going back by %s", sort)
                    .isNull();
        }
    }

    @Test
    void newest_first_is_stable_when_new_posts_arrive() {
        Fixtures.smallTable(small.jdbc(), 300, 1);
        List<Long> originals = Fixtures.allIds(small.jdbc());
        PostPager pager = new PostPager(small.jdbc(), Fixtures.SECRET);
        AtomicLong fresh = new AtomicLong(1_000_000);

        // The usual feed: newest first, and 3 new posts arrive at the top after every page.
        List<Page> pages = Walks.forward(pager, PageRequest.first(Sort.CREATED_DESC, 20), 40, page -> {
            for (int i = 0; i < 3; i++) {
                long id = fresh.incrementAndGet();
                Fixtures.insert(small.jdbc(), id, Fixtures.FIRST_SECOND.plusSeconds(id));
            }
        });
        Walks.assertEachExactlyOnce(originals, Walks.ids(pages),
                "300 posts walked newest first, 20 at a time, while 3 newer posts arrive after each page",
                "New posts at the top push every offset onto posts already sent.");
    }

    @Test
    void going_back_is_stable_when_posts_are_inserted_ahead() {
        Fixtures.smallTable(small.jdbc(), 300, 1);
        List<Long> originals = Fixtures.allIds(small.jdbc());
        PostPager pager = new PostPager(small.jdbc(), Fixtures.SECRET);
        List<Page> forward = Walks.forward(pager, PageRequest.first(Sort.ID_DESC, 20), 40);
        Page last = forward.get(forward.size() - 1);
        AtomicLong fresh = new AtomicLong(1_000_000);

        // Back from the last page (oldest posts) towards the newest, while new posts keep arriving at the top.
        List<Page> back = Walks.backward(pager, PageRequest.first(Sort.ID_DESC, 20).withCursor(last.previousCursor()), 40, page -> {
            for (int i = 0; i < 3; i++) {
                long id = fresh.incrementAndGet();
                Fixtures.insert(small.jdbc(), id, Fixtures.FIRST_SECOND.plusSeconds(id));
            }
        });
        List<Long> seen = new ArrayList<>(Walks.ids(List.of(last)));
        seen.addAll(Walks.ids(back));
        Walks.assertEachExactlyOnce(originals, seen,
                "300 posts by id, newest first, walked back from the last page with previous_cursor while 3 new "
                        + "posts arrive at the top after each page",
                "Going back must also be anchored to a post, not to a position counted from the top.");
    }

    @Test
    void newest_first_pages_read_about_the_page_size_at_any_depth() {
        PostPager pager = new PostPager(million.jdbc(), Fixtures.SECRET);
        for (Sort sort : List.of(Sort.CREATED_DESC, Sort.ID_DESC)) {
            PageRequest first = PageRequest.first(sort, 20);
            Page page1 = pager.list(first);
            assertCheap(Plans.cost(million.jdbc(), pager.queryFor(first.withCursor(page1.nextCursor()))),
                    "page 2 by " + sort);

            PageRequest deep = Walks.skip(pager, first.withLimit(100), 200).withLimit(20);
            Page deepPage = pager.list(deep);
            assertCheap(Plans.cost(million.jdbc(), pager.queryFor(deep)), "the page after 20,000 posts by " + sort);
            assertCheap(Plans.cost(million.jdbc(), pager.queryFor(deep.withCursor(deepPage.previousCursor()))),
                    "the page before that one, by " + sort);
        }
    }

    private static void assertCheap(PageCost cost, String which) {
        assertThat(cost.sorts())
                .as("whether the plan of %s sorts: a B-tree index reads just as well backwards, so the descending "
                        + "order needs no sort and no second index; %s", which, cost)
                .isFalse();
        assertThat(cost.rowsRead())
                .as("rows read for %s, 20 posts (one more to see if the list goes on): %s", which, cost)
                .isBetween(20L, 21L);
    }
}
