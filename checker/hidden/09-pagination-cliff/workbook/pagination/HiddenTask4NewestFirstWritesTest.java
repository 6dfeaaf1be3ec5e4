package workbook.pagination;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.testing.Task;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Writes under a client walking newest first, the order of a feed. */
@Task(4)
class HiddenTask4NewestFirstWritesTest {
    @RegisterExtension
    static final Postgres db = Postgres.freshDatabase();

    @Test
    void a_newest_first_walk_survives_new_posts_and_deleted_ones() {
        Fixtures.smallTable(db.jdbc(), 300, 5);
        List<Long> originals = Fixtures.allIds(db.jdbc());
        PostPager pager = new PostPager(db.jdbc(), Fixtures.SECRET);
        AtomicLong newest = new AtomicLong(1_000_000);
        Instant now = Fixtures.FIRST_SECOND.plusSeconds(3_600);

        // After every page: 2 new posts arrive at the top, and the post the cursor names is deleted.
        List<Page> pages = Walks.forward(pager, PageRequest.first(Sort.CREATED_DESC, 20), 40, page -> {
            for (int i = 0; i < 2; i++) {
                long id = newest.incrementAndGet();
                Fixtures.insert(db.jdbc(), id, now.plusSeconds(id));
            }
            if (!page.items().isEmpty()) {
                db.jdbc().update("delete from posts where id = ?", page.items().get(page.items().size() - 1).id());
            }
        });

        Walks.assertEachExactlyOnce(originals, Walks.ids(pages),
                "300 posts walked newest first, 20 at a time, while 2 newer posts arrive and the last post seen is "
                        + "deleted after each page",
                "New posts sort ahead of the client and must not push it back onto rows it has seen; the deleted "
                        + "post's (created_at, id) in the cursor still says where to go on.");
    }

    @Test
    void when_everything_after_the_cursor_is_deleted_the_page_is_empty_and_leads_back() {
        Fixtures.smallTable(db.jdbc(), 100, 1);
        PostPager pager = new PostPager(db.jdbc(), Fixtures.SECRET);
        PageRequest first = PageRequest.first(Sort.ID_ASC, 20);
        Page page2 = pager.list(first.withCursor(pager.list(first).nextCursor()));
        assertThat(page2.nextCursor()).as("next_cursor of page 2 of 100 posts").isNotNull();
        db.jdbc().update("delete from posts where id > 40");

        Page empty = pager.list(first.withCursor(page2.nextCursor()));
        assertThat(empty.items()).as("page 3 once every post after page 2 was deleted").isEmpty();
        assertThat(empty.nextCursor()).as("next_cursor of that empty page: nothing lies after it").isNull();
        assertThat(empty.previousCursor())
                .as("previous_cursor of that empty page: the client must still be able to go back").isNotNull();
        List<Long> back = pager.list(first.withCursor(empty.previousCursor())).items().stream().map(Post::id).toList();
        assertThat(back)
                .as("the page before the empty one: the 20 posts up to and including the cursor's post (id 40), in id order")
                .isEqualTo(LongStream.rangeClosed(21, 40).boxed().toList());
    }
}
