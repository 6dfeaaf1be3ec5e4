package workbook.restapi;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/**
 * Task 3: a create that is safe to retry. With an {@code Idempotency-Key} the key is claimed, the
 * bookmark stored and the response recorded in ONE PostgreSQL transaction (table
 * {@code idempotency_keys}, created by {@link BookmarkStore#createSchema()}); a repeat of the request
 * gets the recorded response again, and the same key with other values is refused with 422.
 *
 * <p>The starter ignores the key: a POST retried after a lost response creates a second bookmark.
 */
public final class IdempotentCreate {
    private final BookmarkStore store;

    public IdempotentCreate(BookmarkStore store, Clock clock) {
        this.store = store;
    }

    /**
     * Creates a bookmark for {@code owner} and answers with {@code respond.apply(bookmark)}, or, when
     * {@code key} was used before by this owner, with the response recorded then (same values) or a 422
     * problem (other values). A {@link DuplicateUrlException} leaves nothing behind, not even the key.
     */
    public ApiResponse create(String owner, Optional<String> key, NewBookmark values, Function<Bookmark, ApiResponse> respond) {
        return respond.apply(store.insert(owner, values));
    }
}
