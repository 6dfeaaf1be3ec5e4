package workbook.pagination;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.testing.Task;

import java.util.Arrays;

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

    @Test
    void a_secret_of_exactly_32_bytes_signs_cursors() {
        Fixtures.smallTable(db.jdbc(), 100, 2);
        byte[] secret = Arrays.copyOf(Fixtures.SECRET, 32);
        Throwable refused = catchThrowable(() -> new PostPager(db.jdbc(), secret));
        assertThat(refused).as("what a PostPager given a secret of exactly 32 bytes (256 bits, the size HMAC-SHA256 "
                + "asks for and the javadoc allows) threw").isNull();
        PostPager pager = new PostPager(db.jdbc(), secret);
        PageRequest first = PageRequest.first(Sort.ID_ASC, 10);
        Page second = pager.list(first.withCursor(pager.list(first).nextCursor()));
        assertThat(second.items()).as("ids of page 2, reached with a cursor signed with a 32-byte secret")
                .extracting(Post::id).containsExactly(11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L, 19L, 20L);
    }

    /** Another character whose 6-bit value differs in its highest bit, so the decoded bytes always change. */
    private static char flipped(char c) {
        int value = BASE64URL.indexOf(c);
        return value < 0 ? (c == 'A' ? 'B' : 'A') : BASE64URL.charAt(value ^ 32);
    }
}
