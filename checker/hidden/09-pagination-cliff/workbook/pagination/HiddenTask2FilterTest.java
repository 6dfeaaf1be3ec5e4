package workbook.pagination;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.testing.Task;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The author filter holds on every page, not only the first. */
@Task(2)
class HiddenTask2FilterTest {
    @RegisterExtension
    static final Postgres db = Postgres.freshDatabase();

    @BeforeAll
    static void posts() {
        Fixtures.smallTable(db.jdbc(), 500, 1);
    }

    @Test
    void a_filtered_walk_returns_only_and_all_of_that_authors_posts() {
        PostPager pager = new PostPager(db.jdbc(), Fixtures.SECRET);
        for (Sort sort : List.of(Sort.ID_ASC, Sort.ID_DESC)) {
            List<Page> pages = Walks.forward(pager, PageRequest.first(sort, 3).forAuthor(7), 20);
            List<Long> expected = db.jdbc().queryForList(
                    "select id from posts where author_id = 7 order by id" + (sort == Sort.ID_DESC ? " desc" : ""), Long.class);
            assertThat(Walks.ids(pages)).as("author 7's posts walked 3 at a time by %s", sort)
                    .containsExactlyElementsOf(expected);
            assertThat(pages.get(pages.size() - 1).nextCursor()).as("next_cursor of the last page").isNull();
        }
    }

    @Test
    void a_limit_equal_to_the_list_gives_one_page() {
        PostPager pager = new PostPager(db.jdbc(), Fixtures.SECRET);
        Page only = pager.list(PageRequest.first(Sort.ID_ASC, 10).forAuthor(7));
        assertThat(only.items()).as("author 7 has exactly 10 posts").hasSize(10);
        assertThat(only.nextCursor()).as("next_cursor when the page holds the whole list").isNull();
    }
}
