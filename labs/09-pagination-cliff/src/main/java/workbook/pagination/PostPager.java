package workbook.pagination;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * Lists posts a page at a time: the heart of {@code GET /posts}.
 *
 * <p>This is the version most APIs start with: the cursor is just the offset, and every page is
 * {@code ORDER BY ... LIMIT ? OFFSET ?}. It works in testing. Tasks 2 to 6 replace it with keyset
 * pagination and signed cursors, keeping this public API.
 */
public final class PostPager {
    /** The largest page a client may ask for. */
    public static final int MAX_LIMIT = 100;

    private final JdbcTemplate jdbc;

    /**
     * @param jdbc         the database holding the {@code posts} table
     * @param cursorSecret the server's secret key for signing cursors (Task 5), at least 32 bytes
     */
    public PostPager(JdbcTemplate jdbc, byte[] cursorSecret) {
        this.jdbc = jdbc;
    }

    /** One page of posts, with the cursors of the pages after and before it. */
    public Page list(PageRequest request) {
        int offset = offsetOf(request);
        SqlQuery query = queryFor(request);
        List<Post> items = jdbc.query(query.sql(), Post.FROM_ROW, query.args().toArray());
        String next = items.size() == request.limit() ? String.valueOf(offset + request.limit()) : null;
        String previous = offset > 0 ? String.valueOf(Math.max(0, offset - request.limit())) : null;
        return new Page(items, next, previous);
    }

    /** Exactly the statement {@link #list} runs for this request, so that it can be EXPLAINed. */
    public SqlQuery queryFor(PageRequest request) {
        List<Object> args = new ArrayList<>();
        String where = "";
        if (request.authorId() != null) {
            where = " where author_id = ?";
            args.add(request.authorId());
        }
        args.add(request.limit());
        args.add(offsetOf(request));
        return new SqlQuery("select id, author_id, created_at, title from posts" + where
                + " order by " + orderBy(request.sort()) + " limit ? offset ?", args);
    }

    private static int offsetOf(PageRequest request) {
        return request.cursor() == null ? 0 : Integer.parseInt(request.cursor());
    }

    private static String orderBy(Sort sort) {
        return switch (sort) {
            case ID_ASC -> "id";
            case ID_DESC -> "id desc";
            case CREATED_ASC -> "created_at";
            case CREATED_DESC -> "created_at desc";
        };
    }
}
