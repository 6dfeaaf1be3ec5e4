package workbook.pagination;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.testing.Task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Every part of the cursor is protected, not just the part a quick test happens to change. */
@Task(5)
class HiddenTask5EveryCharacterTest {
    @RegisterExtension
    static final Postgres db = Postgres.freshDatabase();

    private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    @Test
    void changing_any_single_character_is_refused() {
        Fixtures.smallTable(db.jdbc(), 100, 2);
        PostPager pager = new PostPager(db.jdbc(), Fixtures.SECRET);
        PageRequest first = PageRequest.first(Sort.CREATED_DESC, 10).forAuthor(5);
        String cursor = pager.list(first.withLimit(1)).nextCursor();
        for (int at = 0; at < cursor.length(); at++) {
            String changed = cursor.substring(0, at) + flipped(cursor.charAt(at)) + cursor.substring(at + 1);
            Throwable thrown = catchThrowable(() -> pager.list(first.withCursor(changed)));
            assertThat(thrown).as("what the cursor with character %s of %s changed threw (%s): every character "
                            + "must be covered by the signature", at + 1, cursor.length(), changed)
                    .isInstanceOf(InvalidCursorException.class);
        }
    }

    /** Another character whose 6-bit value differs in its highest bit, so the decoded bytes always change. */
    private static char flipped(char c) {
        int value = BASE64URL.indexOf(c);
        return value < 0 ? (c == 'A' ? 'B' : 'A') : BASE64URL.charAt(value ^ 32);
    }
}
