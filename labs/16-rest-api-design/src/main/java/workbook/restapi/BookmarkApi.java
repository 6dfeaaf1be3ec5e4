package workbook.restapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Optional;

/**
 * The bookmarks API, versions 1 and 2: {@code /vN/bookmarks} (GET lists, POST creates) and
 * {@code /vN/bookmarks/{id}} (GET, PATCH with a JSON Merge Patch, DELETE).
 *
 * <p>The starter works, in a way: it answers 200 OK to everything, errors included, with
 * {@code {"error": ...}} in the body, and treats every path as version 1. Tasks 1, 2 and 5 are here.
 */
public final class BookmarkApi implements ApiHandler {
    private final BookmarkStore bookmarks;
    private final IdempotentCreate creates;
    private final Listing listing;
    private final Representation view;

    public BookmarkApi(ApiSetup setup) {
        bookmarks = setup.store();
        view = new Representation(setup.v1Sunsetting());
        creates = new IdempotentCreate(bookmarks, setup.clock());
        listing = new Listing(bookmarks);
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        String[] parts = request.path().split("/"); // "", "v1", "bookmarks", and the id if there is one
        String user = request.user();
        try {
            if (parts.length == 3 && request.method().equals("POST")) {
                NewBookmark values = NewBookmark.parse(Json.parse(request.body()), ApiVersion.V1).value();
                return creates.create(user, Optional.empty(), values, created -> ok(render(created)));
            }
            if (parts.length == 3) {
                ObjectNode page = Json.object();
                ArrayNode data = page.putArray("data");
                listing.page(user, request.path(), request.query()).items().forEach(b -> data.add(render(b)));
                return ok(page);
            }
            long id = Long.parseLong(parts[3]);
            if (request.method().equals("DELETE")) {
                bookmarks.delete(user, id);
                return ok(Json.object().put("deleted", true));
            }
            Bookmark current = bookmarks.find(user, id).orElseThrow(() -> new IllegalStateException("not found"));
            if (request.method().equals("PATCH")) {
                NewBookmark changed = NewBookmark.parse(MergePatch.apply(NewBookmark.editable(current, ApiVersion.V1),
                        request.body()), ApiVersion.V1).value();
                current = bookmarks.replace(user, id, changed).orElseThrow();
            }
            return ok(render(current));
        } catch (RuntimeException e) {
            return ok(Json.object().put("error", String.valueOf(e.getMessage())));
        }
    }

    private ObjectNode render(Bookmark bookmark) {
        return view.render(bookmark, ApiVersion.V1, view.fields(Optional.empty(), ApiVersion.V1));
    }

    private static ApiResponse ok(ObjectNode body) {
        return ApiResponse.json(200, body);
    }
}
