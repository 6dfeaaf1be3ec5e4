package workbook.restapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The fields a client sets: url, title, description (optional) and tags. {@link #parse} checks a JSON
 * body against the rules and says what is wrong, member by member; it never throws for bad data.
 */
public record NewBookmark(String url, String title, String description, List<String> tags) {
    public static final int MAX_TITLE = 200;
    public static final int MAX_DESCRIPTION = 2000;
    public static final int MAX_TAGS = 10;
    private static final Pattern TAG = Pattern.compile("[a-z0-9-]{1,30}");

    public NewBookmark {
        tags = List.copyOf(tags);
    }

    /** The outcome of {@link #parse}: a bookmark and no errors, or no bookmark (null) and at least one error. */
    public record Parsed(NewBookmark value, List<FieldError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    /** The fields a client may change of a stored bookmark, as a JSON object in {@code version}'s names: the target of a merge patch. */
    public static ObjectNode editable(Bookmark bookmark, ApiVersion version) {
        ObjectNode node = Json.object().put(version.urlField(), bookmark.url()).put("title", bookmark.title())
                .put("description", bookmark.description());
        ArrayNode tags = node.putArray("tags");
        bookmark.tags().forEach(tags::add);
        return node;
    }

    /** A SHA-256 of the values (not of the body's bytes: spacing and member order do not count), hex. */
    public String fingerprint() {
        String canonical = String.join("\u0000", url, title, String.valueOf(description), String.join(",", tags));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Checks a parsed JSON body, with the member names of {@code version} ({@code url} or {@code href}). */
    public static Parsed parse(JsonNode body, ApiVersion version) {
        List<FieldError> errors = new ArrayList<>();
        if (!body.isObject()) {
            return new Parsed(null, List.of(new FieldError("#", "the body must be a JSON object")));
        }
        String urlField = version.urlField();
        String url = text(body, urlField, true, 2048, errors);
        if (url != null && !isWebAddress(url)) {
            errors.add(new FieldError("#/" + urlField, "must be an absolute http or https URL"));
        }
        String title = text(body, "title", true, MAX_TITLE, errors);
        String description = text(body, "description", false, MAX_DESCRIPTION, errors);
        List<String> tags = tags(body.get("tags"), errors);
        return errors.isEmpty()
                ? new Parsed(new NewBookmark(url, title.strip(), description, tags), List.of())
                : new Parsed(null, List.copyOf(errors));
    }

    private static String text(JsonNode body, String name, boolean required, int maxLength, List<FieldError> errors) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            if (required) {
                errors.add(new FieldError("#/" + name, "is required"));
            }
            return null;
        }
        if (!node.isTextual() || (required && node.asText().isBlank())) {
            errors.add(new FieldError("#/" + name, required ? "must be a non-empty string" : "must be a string"));
            return null;
        }
        if (node.asText().length() > maxLength) {
            errors.add(new FieldError("#/" + name, "must be at most " + maxLength + " characters"));
            return null;
        }
        return node.asText();
    }

    private static List<String> tags(JsonNode node, List<FieldError> errors) {
        List<String> tags = new ArrayList<>();
        if (node == null || node.isNull()) {
            return tags;
        }
        if (!node.isArray() || node.size() > MAX_TAGS) {
            errors.add(new FieldError("#/tags", "must be an array of at most " + MAX_TAGS + " tags"));
            return tags;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode tag = node.get(i);
            if (!tag.isTextual() || !TAG.matcher(tag.asText()).matches()) {
                errors.add(new FieldError("#/tags/" + i, "must be 1 to 30 of a-z, 0-9 and -"));
            } else if (!tags.contains(tag.asText())) {
                tags.add(tag.asText());
            }
        }
        return tags;
    }

    private static boolean isWebAddress(String url) {
        try {
            URI uri = new URI(url);
            return uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
