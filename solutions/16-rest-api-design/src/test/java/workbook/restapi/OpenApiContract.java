package workbook.restapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The lab's OpenAPI 3.1 document ({@code src/test/resources/openapi.json}) as a checker of real HTTP
 * exchanges. Finding the operation and the response is a few lines of tree walking; every schema,
 * of bodies and of header values, is checked by networknt json-schema-validator with the OpenAPI 3.1
 * dialect (JSON Schema 2020-12 plus OpenAPI's vocabulary), resolving the document's own {@code $ref}s.
 */
final class OpenApiContract {
    private static final String DOCUMENT = "https://bookmarks.example/openapi.json";
    private final JsonNode openapi;
    private final SchemaRegistry registry;

    private OpenApiContract(String text) {
        this.openapi = Json.parse(text);
        this.registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(), builder -> builder.schemas(Map.of(DOCUMENT, text)));
    }

    static OpenApiContract load() {
        try (InputStream in = OpenApiContract.class.getResourceAsStream("/openapi.json")) {
            return new OpenApiContract(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every way in which this exchange differs from the document; empty when it conforms. */
    List<String> check(String method, String pathAndQuery, String requestType, String requestBody, Reply reply) {
        List<String> problems = new ArrayList<>();
        String path = pathAndQuery.split("\\?")[0];
        Optional<String> template = template(path);
        if (template.isEmpty()) {
            return List.of(path + " matches no path of the document");
        }
        JsonNode operation = openapi.path("paths").path(template.get()).path(method.toLowerCase(Locale.ROOT));
        if (operation.isMissingNode()) {
            return List.of(method + " " + template.get() + " is not in the document");
        }
        String where = method + " " + template.get() + " -> " + reply.status();
        if (requestBody != null && reply.status() < 300) { // a request the server accepted must be one the document allows
            JsonNode schema = operation.path("requestBody").path("content").path(requestType).path("schema");
            validate(schema.path("$ref").asText(), requestBody, where + " request body", problems);
        }
        JsonNode response = operation.path("responses").path(Integer.toString(reply.status()));
        if (response.isMissingNode()) {
            return List.of(where + ": status not in the document");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = response.path("headers").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> header = it.next();
            String reference = header.getValue().path("$ref").asText(); // every header is defined once, in components
            Optional<String> value = reply.header(header.getKey());
            if (value.isEmpty() && openapi.at(reference.substring(1)).path("required").asBoolean()) {
                problems.add(where + ": required header " + header.getKey() + " is missing");
            }
            value.ifPresent(v -> validate(reference + "/schema", Json.write(TextNode.valueOf(v)), where + " header " + header.getKey(), problems));
        }
        JsonNode content = response.path("content");
        if (content.isMissingNode()) {
            if (!reply.body().isEmpty()) {
                problems.add(where + ": the document says no body, the server sent " + reply.body().length() + " characters");
            }
        } else if (!content.has(reply.mediaType())) {
            problems.add(where + ": Content-Type " + reply.mediaType() + " is not one of " + content.properties().stream().map(Map.Entry::getKey).toList());
        } else {
            validate(content.path(reply.mediaType()).path("schema").path("$ref").asText(), reply.body(), where + " body", problems);
        }
        return problems;
    }

    private Optional<String> template(String path) {
        for (Iterator<String> it = openapi.path("paths").fieldNames(); it.hasNext(); ) {
            String template = it.next();
            if (path.matches(template.replaceAll("\\{[^}]+}", "[^/]+"))) {
                return Optional.of(template);
            }
        }
        return Optional.empty();
    }

    /** Validates {@code instance} against the schema at {@code reference} ("#/components/..."). */
    private void validate(String reference, String instance, String what, List<String> problems) {
        if (reference.isEmpty()) {
            problems.add(what + ": the document has no schema here");
            return;
        }
        List<Error> errors = registry.getSchema(SchemaLocation.of(DOCUMENT + reference)).validate(instance, InputFormat.JSON);
        errors.stream().limit(3).forEach(error -> problems.add(what + ": " + error.getMessage()));
    }
}
