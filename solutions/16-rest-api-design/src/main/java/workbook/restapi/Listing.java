package workbook.restapi;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.TreeMap;

/** Task 4: the list, one bounded page at a time, with an opaque cursor, and search as query parameters. */
public final class Listing {
    private static final String CURSOR = "cursor";
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
        int limit = limit(query.get("limit"));
        Long before = query.containsKey(CURSOR) ? decode(query.get(CURSOR)) : null;
        Search search = new Search(present(query.get("tag")), present(query.get("q")));
        // One row more than the page holds tells whether there is a next page without counting.
        List<Bookmark> rows = store.page(owner, search, before, limit + 1);
        if (rows.size() <= limit) {
            return new Page(rows, Optional.empty());
        }
        List<Bookmark> items = rows.subList(0, limit);
        Map<String, String> next = new TreeMap<>(query);
        next.put(CURSOR, encode(items.get(limit - 1).id()));
        return new Page(items, Optional.of(path + "?" + queryString(next)));
    }

    private static int limit(String parameter) {
        if (parameter == null) {
            return Page.DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(parameter);
            if (limit >= 1) {
                return Math.min(limit, Page.MAX_LIMIT);
            }
        } catch (NumberFormatException e) {
            // falls through to the bad request below
        }
        throw new BadRequestException("limit must be a whole number from 1 to " + Page.MAX_LIMIT + ", not '" + parameter + "'");
    }

    /** The cursor is opaque to clients: base64url of {@code {"before":<id>}}, so nobody builds one by hand. */
    static String encode(long lastId) {
        String json = Json.write(Json.object().put("before", lastId));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static long decode(String cursor) {
        try {
            JsonNode before = Json.parse(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)).path("before");
            if (before.canConvertToLong()) {
                return before.asLong();
            }
        } catch (IllegalArgumentException | MalformedJsonException e) {
            // not base64url, or not JSON: falls through to the bad request below
        }
        throw new BadRequestException("cursor '" + cursor + "' was not made by this server; start again without a cursor");
    }

    private static Optional<String> present(String parameter) {
        return parameter == null || parameter.isBlank() ? Optional.empty() : Optional.of(parameter.strip());
    }

    private static String queryString(Map<String, String> parameters) {
        StringJoiner joined = new StringJoiner("&");
        parameters.forEach((name, value) -> joined.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return joined.toString();
    }
}
