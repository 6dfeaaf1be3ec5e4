package workbook.restapi;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Task 6: what a bookmark looks like in each version, sparse fieldsets, and the headers that retire version 1.
 *
 * <p>The starter writes every bookmark the version 1 way, whatever the version and the fields asked
 * for, and announces nothing.
 */
public final class Representation {
    public Representation(Sunsetting v1Sunsetting) {
    }

    /** Every member of a bookmark in {@code version}, in the order they are written. */
    public static List<String> allFields(ApiVersion version) {
        return List.of("id", version.urlField(), "title", "description", "tags", "created_at", "updated_at");
    }

    /**
     * The members the client asked for with {@code ?fields=id,title}: all of them when the parameter is
     * absent or empty. A name that is not a member in this version is the client's mistake: throws
     * {@link BadRequestException} naming it (an old name too: {@code url} is not a field of version 2).
     */
    public Set<String> fields(Optional<String> parameter, ApiVersion version) {
        return new LinkedHashSet<>(allFields(ApiVersion.V1));
    }

    /** The bookmark as JSON in {@code version}'s names, with only the members in {@code fields}. */
    public ObjectNode render(Bookmark bookmark, ApiVersion version, Set<String> fields) {
        ObjectNode node = Json.object().put("id", bookmark.id()).put("url", bookmark.url())
                .put("title", bookmark.title()).put("description", bookmark.description());
        node.set("tags", Json.MAPPER.valueToTree(bookmark.tags()));
        return node.put("created_at", bookmark.createdAt().toString()).put("updated_at", bookmark.updatedAt().toString());
    }

    /**
     * Headers for every response of {@code version}: version 1 announces its retirement with
     * {@code Deprecation: @<unix seconds>} (RFC 9745, a structured-field date) and
     * {@code Sunset: <HTTP-date>} (RFC 8594); version 2 has none.
     */
    public Map<String, String> lifecycleHeaders(ApiVersion version) {
        return Map.of();
    }
}
