package workbook.pagination;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.testing.Task;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Cursors are the server's, not the client's: opaque, signed, and bound to the request they came from. */
@Task(5)
class Task5CursorTest {
    @RegisterExtension
    static final Postgres db = Postgres.freshDatabase();

    private static PostPager pager;

    @BeforeAll
    static void hundredPosts() {
        Fixtures.smallTable(db.jdbc(), 100, 2);
        pager = new PostPager(db.jdbc(), Fixtures.SECRET);
    }

    /** Asserts that the request is refused with InvalidCursorException, and never answered with data or a SQL error. */
    private static void assertRefused(PageRequest request, String what) {
        Page[] answered = new Page[1];
        Throwable thrown = catchThrowable(() -> answered[0] = pager.list(request));
        assertThat(answered[0] == null ? List.of() : Walks.ids(List.of(answered[0])))
                .as("posts returned for %s (cursor %s): it must be refused, not answered; a cursor the client can "
                        + "edit lets it read from anywhere, or see rows of a list it did not ask for", what, request.cursor())
                .isEmpty();
        assertThat(thrown)
                .as("what %s threw (cursor %s): expected an InvalidCursorException with a message a client can act "
                        + "on (a 400), never a SQL error, a parse error or a 500", what, request.cursor())
                .isInstanceOf(InvalidCursorException.class);
        assertThat(thrown.getMessage()).as("the message for %s", what).containsIgnoringCase("cursor");
    }

    private static String secondPageCursor(PageRequest first) {
        return pager.list(first).nextCursor();
    }

    /** Changes the character in the middle to another of the same kind (digit for digit, letter for letter). */
    static String changeMiddle(String cursor) {
        int at = cursor.length() / 2;
        char c = cursor.charAt(at);
        char other = Character.isDigit(c) ? (c == '9' ? '1' : (char) (c + 1))
                : Character.isLetter(c) ? (c == 'z' || c == 'Z' ? (char) (c - 1) : (char) (c + 1)) : 'A';
        return cursor.substring(0, at) + other + cursor.substring(at + 1);
    }

    @Test
    void a_changed_cursor_is_refused() {
        PageRequest first = PageRequest.first(Sort.ID_ASC, 10);
        String cursor = secondPageCursor(first);
        assertRefused(first.withCursor(changeMiddle(cursor)), "a cursor with one character changed");
    }

    @Test
    void a_truncated_cursor_is_refused() {
        PageRequest first = PageRequest.first(Sort.ID_ASC, 10);
        String cursor = secondPageCursor(first);
        assertRefused(first.withCursor(cursor.substring(0, Math.max(1, cursor.length() - 4))), "a cursor cut short");
        assertRefused(first.withCursor(cursor.substring(0, cursor.length() - 1)), "a cursor missing its last character");
    }

    @Test
    void garbage_is_refused() {
        PageRequest first = PageRequest.first(Sort.ID_ASC, 10);
        for (String garbage : List.of("", "not-a-cursor", "eyJpZCI6MTAwfQ", "100", "-5", "' or 1=1 --", "....",
                "%00", "A".repeat(10_000))) {
            assertRefused(first.withCursor(garbage), "the garbage cursor '" + garbage.substring(0, Math.min(20, garbage.length())) + "'");
        }
    }

    @Test
    void a_cursor_issued_for_another_sort_order_is_refused() {
        String byId = secondPageCursor(PageRequest.first(Sort.ID_ASC, 10));
        assertRefused(PageRequest.first(Sort.CREATED_ASC, 10).withCursor(byId), "an ID_ASC cursor used with sort=CREATED_ASC");
        assertRefused(PageRequest.first(Sort.ID_DESC, 10).withCursor(byId), "an ID_ASC cursor used with sort=ID_DESC");
    }

    @Test
    void a_cursor_issued_for_another_filter_is_refused() {
        PageRequest authorThree = PageRequest.first(Sort.ID_ASC, 1).forAuthor(3);
        String cursor = secondPageCursor(authorThree);
        assertRefused(authorThree.forAuthor(4).withCursor(cursor), "author 3's cursor used for author 4");
        assertRefused(authorThree.forAuthor(null).withCursor(cursor), "author 3's cursor used without the author filter");
    }

    @Test
    void a_cursor_signed_by_another_server_is_refused() {
        PostPager otherServer = new PostPager(db.jdbc(), Fixtures.ANOTHER_SECRET);
        PageRequest first = PageRequest.first(Sort.ID_ASC, 10);
        String foreign = otherServer.list(first).nextCursor();
        assertRefused(first.withCursor(foreign), "a cursor signed with another server's secret");
    }

    @Test
    void cursors_are_opaque_and_still_work_unchanged() {
        PageRequest first = PageRequest.first(Sort.ID_ASC, 10);
        String cursor = secondPageCursor(first);
        assertThat(cursor).as("the cursor after post 10: not a bare number a client could edit").doesNotMatch("-?\\d+");
        assertThat(pager.list(first.withCursor(cursor)).items()).extracting(Post::id)
                .as("the second page, following an unchanged cursor")
                .containsExactly(11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L, 19L, 20L);
    }
}
