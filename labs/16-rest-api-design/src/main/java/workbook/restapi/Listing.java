package workbook.restapi;

import java.util.Map;
import java.util.Optional;

/**
 * Task 4: the list, one bounded page at a time, with an opaque cursor, and search as query parameters.
 *
 * <p>The starter returns every bookmark of the owner in one response, and ignores every parameter.
 */
public final class Listing {
    private final BookmarkStore store;

    public Listing(BookmarkStore store) {
        this.store = store;
    }

    /**
     * One page of the owner's bookmarks, newest first. Query parameters: {@code limit} (default 20,
     * capped at 100; not a whole number of at least 1 is a {@link BadRequestException}), {@code cursor}
     * (from the previous page's next link; a cursor the server did not make is a bad request),
     * {@code tag} and {@code q} (a keyword). The next link repeats every parameter but the cursor.
     */
    public Page page(String owner, String path, Map<String, String> query) {
        return new Page(store.all(owner), Optional.empty());
    }
}
