package workbook.restapi;

import java.util.List;
import java.util.Optional;

/**
 * One page of a list: its bookmarks, newest first, and the link to the next page (a path with its
 * query, such as {@code /v1/bookmarks?limit=20&cursor=...}), absent on the last page.
 */
public record Page(List<Bookmark> items, Optional<String> next) {
    /** Bookmarks on a page when the client does not say, and the most it may ask for. */
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public Page {
        items = List.copyOf(items);
    }
}
