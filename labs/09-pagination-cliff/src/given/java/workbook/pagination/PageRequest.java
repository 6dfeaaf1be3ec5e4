package workbook.pagination;

/**
 * What a client asks for: {@code GET /posts?sort=...&author=...&limit=...&cursor=...}.
 *
 * @param sort     the order of the list
 * @param authorId only this author's posts, or {@code null} for every post (a filter)
 * @param limit    how many posts the client wants on the page
 * @param cursor   {@code null} for the first page, otherwise a {@code nextCursor} or {@code previousCursor}
 *                 exactly as an earlier {@link Page} returned it
 */
public record PageRequest(Sort sort, Integer authorId, int limit, String cursor) {

    /** The first page of every post in this order. */
    public static PageRequest first(Sort sort, int limit) {
        return new PageRequest(sort, null, limit, null);
    }

    /** The same request, limited to one author's posts. */
    public PageRequest forAuthor(Integer authorId) {
        return new PageRequest(sort, authorId, limit, cursor);
    }

    /** The same request, continuing from a cursor that an earlier page returned. */
    public PageRequest withCursor(String cursor) {
        return new PageRequest(sort, authorId, limit, cursor);
    }

    /** The same request with another page size. */
    public PageRequest withLimit(int limit) {
        return new PageRequest(sort, authorId, limit, cursor);
    }
}
