package workbook.pagination;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.testing.Task;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Going back keeps the filter and the order. */
@Task(6)
class HiddenTask6FilteredBackwardsTest {
    @RegisterExtension
    static final Postgres db = Postgres.freshDatabase();

    @Test
    void going_back_through_one_authors_feed_returns_that_authors_pages() {
        Fixtures.smallTable(db.jdbc(), 1000, 3);
        PostPager pager = new PostPager(db.jdbc(), Fixtures.SECRET);
        for (Sort sort : Sort.values()) {
            PageRequest first = PageRequest.first(sort, 4).forAuthor(9);
            List<Page> forward = Walks.forward(pager, first, 20);
            Page last = forward.get(forward.size() - 1);
            List<Page> back = new ArrayList<>(Walks.backward(pager, first.withCursor(last.previousCursor()), 20, page -> { }));
            Collections.reverse(back);
            back.add(last);
            assertThat(Walks.ids(back)).as("author 9's posts by %s, walked back from the last page", sort)
                    .containsExactlyElementsOf(Walks.ids(forward));
        }
    }
}
