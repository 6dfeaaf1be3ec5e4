package workbook.restapi;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.StringReader;

/**
 * JSON Merge Patch (RFC 7396, media type {@code application/merge-patch+json}), applied by Jakarta
 * JSON Processing's {@code Json.createMergePatch} (Eclipse Parsson): members of the patch replace
 * those of the target, {@code null} removes one, and arrays are replaced whole.
 */
public final class MergePatch {
    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private MergePatch() {
    }

    /** {@code target} with {@code patchBody} applied. Throws {@link MalformedJsonException} when the patch is not JSON. */
    public static JsonNode apply(JsonNode target, String patchBody) {
        JsonValue patch;
        try (JsonReader reader = jakarta.json.Json.createReader(new StringReader(patchBody))) {
            patch = reader.readValue();
        } catch (JsonException e) {
            throw new MalformedJsonException("the merge patch is not well-formed JSON: " + e.getMessage());
        }
        JsonValue merged;
        try (JsonReader reader = jakarta.json.Json.createReader(new StringReader(Json.write(target)))) {
            merged = jakarta.json.Json.createMergePatch(patch).apply(reader.readValue());
        }
        return Json.parse(merged.toString());
    }
}
