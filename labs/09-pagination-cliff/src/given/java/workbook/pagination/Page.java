package workbook.pagination;

import java.util.List;

/**
 * One page of posts, as the API returns it:
 * {@code {"items": [...], "next_cursor": "...", "previous_cursor": "..."}}.
 *
 * @param items          the posts on this page, in the requested order
 * @param nextCursor     the cursor of the page after this one, or {@code null} when this is the last page
 * @param previousCursor the cursor of the page before this one, or {@code null} when this is the first page
 */
public record Page(List<Post> items, String nextCursor, String previousCursor) {
}
