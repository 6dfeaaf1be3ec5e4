package workbook.pagination;

import org.springframework.jdbc.core.JdbcTemplate;
import workbook.pagination.Cursors.Cursor;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Lists posts a page at a time: the heart of {@code GET /posts}.
 *
 * <p>Keyset pagination: a page is "the next {@code limit} rows after the last row the client saw", found
 * by comparing the sort key, so PostgreSQL starts reading the index at that row instead of counting
 * its way there from the top. The sort key is always unique: {@code id}, or {@code (created_at, id)}.
 * The position travels in a signed cursor ({@link Cursors}).
 */
public final class PostPager {
    /** The largest page a client may ask for. */
    public static final int MAX_LIMIT = 100;

    private final JdbcTemplate jdbc;
    private final Cursors cursors;

    /**
     * @param jdbc         the database holding the {@code posts} table
     * @param cursorSecret the server's secret key for signing cursors (Task 5), at least 32 bytes
     */
    public PostPager(JdbcTemplate jdbc, byte[] cursorSecret) {
        this.jdbc = jdbc;
        this.cursors = new Cursors(cursorSecret);
    }

    /** One page of posts, with the cursors of the pages after and before it. */
    public Page list(PageRequest request) {
        Cursor cursor = cursorOf(request);
        SqlQuery query = query(request, cursor);
        List<Post> rows = new ArrayList<>(jdbc.query(query.sql(), Post.FROM_ROW, query.args().toArray()));

        // We asked for one row more than the page: if it came back, there is another page beyond this one.
        boolean more = rows.size() > request.limit();
        List<Post> items = more ? rows.subList(0, request.limit()) : rows;
        boolean backward = cursor != null && cursor.backward();
        if (backward) {
            Collections.reverse(items);   // read backwards from the cursor; shown in the list's own order
        }
        if (items.isEmpty()) {
            // Nothing on this side of the cursor (any more): only the way back makes sense, and it
            // starts at the cursor's own row, the last one the client saw.
            String back = cursor == null ? null : cursors.encode(new Cursor(cursor.sort(), cursor.authorId(),
                    !cursor.backward(), true, cursor.createdAt(), cursor.id()));
            return backward ? new Page(items, back, null) : new Page(items, null, back);
        }
        Post first = items.get(0);
        Post last = items.get(items.size() - 1);
        boolean rowsAfter = backward || more;             // going back, the page we came from is after us
        boolean rowsBefore = backward ? more : cursor != null;
        return new Page(List.copyOf(items),
                rowsAfter ? cursors.encode(positionOf(request, last, false)) : null,
                rowsBefore ? cursors.encode(positionOf(request, first, true)) : null);
    }

    /** Exactly the statement {@link #list} runs for this request, so that it can be EXPLAINed. */
    public SqlQuery queryFor(PageRequest request) {
        return query(request, cursorOf(request));
    }

    private Cursor cursorOf(PageRequest request) {
        if (request.limit() < 1 || request.limit() > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + request.limit());
        }
        return request.cursor() == null ? null : cursors.decode(request.cursor(), request.sort(), request.authorId());
    }

    private static Cursor positionOf(PageRequest request, Post row, boolean backward) {
        return new Cursor(request.sort(), request.authorId(), backward, false, row.createdAt(), row.id());
    }

    private static SqlQuery query(PageRequest request, Cursor cursor) {
        Sort sort = request.sort();
        boolean descending = sort == Sort.ID_DESC || sort == Sort.CREATED_DESC;
        boolean byCreatedAt = sort == Sort.CREATED_ASC || sort == Sort.CREATED_DESC;
        // Going backwards is going forwards in the opposite order, then reversing the page.
        boolean readDescending = descending != (cursor != null && cursor.backward());

        List<String> conditions = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (request.authorId() != null) {
            conditions.add("author_id = ?");
            args.add(request.authorId());
        }
        if (cursor != null) {
            String after = (readDescending ? "<" : ">") + (cursor.inclusive() ? "=" : "");
            if (byCreatedAt) {
                // A row comparison: (a, b) > (x, y) means a > x, or a = x and b > y. Written this way,
                // PostgreSQL uses it as the starting point of the (created_at, id) index scan.
                conditions.add("(created_at, id) " + after + " (?, ?)");
                args.add(OffsetDateTime.ofInstant(cursor.createdAt(), ZoneOffset.UTC));
            } else {
                conditions.add("id " + after + " ?");
            }
            args.add(cursor.id());
        }
        String direction = readDescending ? " desc" : "";
        String orderBy = byCreatedAt ? "created_at" + direction + ", id" + direction : "id" + direction;
        args.add(request.limit() + 1);
        return new SqlQuery("select id, author_id, created_at, title from posts"
                + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
                + " order by " + orderBy + " limit ?", args);
    }
}
