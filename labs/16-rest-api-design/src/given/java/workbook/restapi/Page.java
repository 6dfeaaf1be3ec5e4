package workbook.restapi;

import java.util.List;
import java.util.Optional;

/**
 * One page of a list: its bookmarks, newest first, and the link to the next page (a path with its
 * query, such as {@code /v1/bookmarks?limit=20&cursor=...}), absent on the last page.
 */
public record Page(List<Bookmark> items, Optional<String> next) {
    public Page {
        items = List.copyOf(items);
    }
}
