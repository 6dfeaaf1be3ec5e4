package workbook.pagination;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.testing.Task;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** A client pages through a list that changes under it. */
@Task(4)
class Task4WritesTest {
    @RegisterExtension
    static final Postgres db = Postgres.freshDatabase();

    @Test
    void posts_inserted_ahead_of_the_client_are_not_repeated() {
        Fixtures.smallTable(db.jdbc(), 300, 1);
        List<Long> originals = Fixtures.allIds(db.jdbc());
        PostPager pager = new PostPager(db.jdbc(), Fixtures.SECRET);
        AtomicLong backfilled = new AtomicLong(1_000_000);

        // After every page, an import adds 3 posts older than any in the list: they sort before the client.
        List<Page> pages = Walks.forward(pager, PageRequest.first(Sort.CREATED_ASC, 20), 40, page -> {
            for (int i = 0; i < 3; i++) {
                long id = backfilled.incrementAndGet();
                Fixtures.insert(db.jdbc(), id, Fixtures.FIRST_SECOND.minusSeconds(id));
            }
        });

        Walks.assertEachExactlyOnce(originals, Walks.ids(pages),
                "300 posts walked 20 at a time by created_at while 3 older posts are inserted after each page",
                "Every insert before the client's position pushes the rest of the list down, so an offset lands on "
                        + "rows already sent. A cursor that says 'after this (created_at, id)' does not move.");
    }

    @Test
    void deleting_the_post_a_cursor_points_at_does_not_break_the_walk() {
        Fixtures.smallTable(db.jdbc(), 300, 5);
        List<Long> originals = Fixtures.allIds(db.jdbc());
        PostPager pager = new PostPager(db.jdbc(), Fixtures.SECRET);

        // After every page the client has seen, its last post (the one the cursor names) and its first are deleted.
        List<Page> pages = Walks.forward(pager, PageRequest.first(Sort.CREATED_ASC, 20), 40, page -> {
            if (!page.items().isEmpty()) {
                db.jdbc().update("delete from posts where id in (?, ?)",
                        page.items().get(0).id(), page.items().get(page.items().size() - 1).id());
            }
        });

        Walks.assertEachExactlyOnce(originals, Walks.ids(pages),
                "300 posts walked 20 at a time by created_at while the first and last post of each page are deleted "
                        + "after the client has seen them",
                "Deleting rows the client has passed pulls the list up, so an offset jumps over unseen rows. And a "
                        + "cursor must carry the sort key values themselves: if it only names an id and looks the "
                        + "row up again, the walk stops when that row is gone.");
    }
}
