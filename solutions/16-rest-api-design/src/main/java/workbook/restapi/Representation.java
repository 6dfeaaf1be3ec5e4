package workbook.restapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Task 6: what a bookmark looks like in each version, sparse fieldsets, and the headers that retire version 1. */
public final class Representation {
    /** IMF-fixdate, the preferred HTTP-date of RFC 9110 section 5.6.7: always two digits for the day, always GMT. */
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private final Sunsetting v1Sunsetting;

    public Representation(Sunsetting v1Sunsetting) {
        this.v1Sunsetting = v1Sunsetting;
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
        List<String> known = allFields(version);
        if (parameter.isEmpty() || parameter.get().isBlank()) {
            return new LinkedHashSet<>(known);
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (String name : parameter.get().split(",")) {
            String field = name.strip();
            if (!known.contains(field)) {
                throw new BadRequestException("unknown field '" + field + "' in fields; the fields of "
                        + version.prefix() + " are " + String.join(",", known));
            }
            chosen.add(field);
        }
        return chosen;
    }

    /** The bookmark as JSON in {@code version}'s names, with only the members in {@code fields}. */
    public ObjectNode render(Bookmark bookmark, ApiVersion version, Set<String> fields) {
        ObjectNode node = Json.object();
        for (String field : allFields(version)) {
            if (!fields.contains(field)) {
                continue;
            }
            switch (field) {
                case "id" -> node.put(field, bookmark.id());
                case "title" -> node.put(field, bookmark.title());
                case "description" -> node.put(field, bookmark.description());
                case "tags" -> {
                    ArrayNode tags = node.putArray(field);
                    bookmark.tags().forEach(tags::add);
                }
                case "created_at" -> node.put(field, bookmark.createdAt().toString());
                case "updated_at" -> node.put(field, bookmark.updatedAt().toString());
                default -> node.put(field, bookmark.url()); // "url" in version 1, "href" in version 2
            }
        }
        return node;
    }

    /**
     * Headers for every response of {@code version}: version 1 announces its retirement with
     * {@code Deprecation: @<unix seconds>} (RFC 9745, a structured-field date) and
     * {@code Sunset: <HTTP-date>} (RFC 8594); version 2 has none.
     */
    public Map<String, String> lifecycleHeaders(ApiVersion version) {
        if (version != ApiVersion.V1) {
            return Map.of();
        }
        return Map.of("Deprecation", "@" + v1Sunsetting.deprecatedSince().getEpochSecond(),
                "Sunset", HTTP_DATE.format(v1Sunsetting.sunset()));
    }
}
