package workbook.pagination;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.testing.Task;

import java.time.Instant;
import java.util.List;

/** Real timestamps have microseconds; a cursor that rounds them repeats or skips posts. */
@Task(3)
class HiddenTask3MicrosecondsTest {
    @RegisterExtension
    static final Postgres db = Postgres.freshDatabase();

    @Test
    void posts_microseconds_apart_are_each_returned_once() {
        db.jdbc().execute("drop table if exists posts");
        PostsTable.create(db.jdbc());
        // 200 posts, 4 in each millisecond, 250 microseconds apart, ids not in time order.
        Instant start = Instant.parse("2024-03-01T12:00:00.000001Z");
        for (int i = 0; i < 200; i++) {
            long id = 1 + (i * 37L) % 200;
            Fixtures.insert(db.jdbc(), id, start.plusNanos(i * 250_000L));
        }
        PostsTable.createIndexes(db.jdbc());
        PostPager pager = new PostPager(db.jdbc(), Fixtures.SECRET);
        for (Sort sort : List.of(Sort.CREATED_ASC, Sort.CREATED_DESC)) {
            List<Page> pages = Walks.forward(pager, PageRequest.first(sort, 7), 60);
            Walks.assertEachExactlyOnce(Fixtures.allIds(db.jdbc()), Walks.ids(pages),
                    "200 posts 250 microseconds apart walked 7 at a time by " + sort,
                    "PostgreSQL keeps microseconds; a cursor that keeps only milliseconds compares against a time "
                            + "that is not the last post's.");
        }
    }
}
