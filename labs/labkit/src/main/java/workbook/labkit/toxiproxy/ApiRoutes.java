package workbook.labkit.toxiproxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import workbook.labkit.toxiproxy.HttpApiServer.Request;
import workbook.labkit.toxiproxy.HttpApiServer.Response;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Toxiproxy's HTTP API: the same paths, JSON, status codes and error bodies
 * ({@code {"error": "proxy not found", "status": 404}}) as Toxiproxy 2.12.
 */
final class ApiRoutes implements Function<Request, Response> {
    /** The Toxiproxy version whose API this server speaks. */
    static final String VERSION = "2.12.0";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KNOWN_PATHS = Set.of("/version", "/reset", "/populate", "/proxies",
            "/proxies/{proxy}", "/proxies/{proxy}/toxics", "/proxies/{proxy}/toxics/{toxic}");

    private final ProxyRegistry registry;

    ApiRoutes(ProxyRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Response apply(Request request) {
        if (String.valueOf(request.header("user-agent")).startsWith("Mozilla/")) {
            // Toxiproxy refuses browsers, so a web page cannot drive the API behind the user's back.
            return new Response(403, "text/plain; charset=utf-8", bytes("User agent not allowed\n"));
        }
        try {
            return route(request.method(), request.path(), request.body());
        } catch (ApiException e) {
            return error(e.status(), e.getMessage());
        } catch (RuntimeException e) {
            return error(500, String.valueOf(e));
        }
    }

    private Response route(String method, String path, byte[] body) throws ApiException {
        List<String> segments = segments(path);
        String pattern = pattern(segments);
        String proxyName = segments.size() > 1 ? segments.get(1) : null;
        String toxicName = segments.size() > 3 ? segments.get(3) : null;
        switch (method + " " + pattern) {
            case "GET /version":
                return new Response(200, "application/json;charset=utf-8", bytes("{\"version\": \"" + VERSION + "\"}\n"));
            case "POST /reset":
                registry.reset();
                return noContent();
            case "GET /proxies":
                return listProxies();
            case "POST /proxies":
                return json(201, proxyJson(registry.create(parseNewProxy(readObject(body)))));
            case "POST /populate":
                return populate(body);
            case "GET /proxies/{proxy}":
                return json(200, proxyJson(registry.get(proxyName)));
            case "POST /proxies/{proxy}":
            case "PATCH /proxies/{proxy}":
                return updateProxy(registry.get(proxyName), body);
            case "DELETE /proxies/{proxy}":
                registry.delete(proxyName);
                return noContent();
            case "GET /proxies/{proxy}/toxics":
                return json(200, toxicsJson(registry.get(proxyName).allToxics()));
            case "POST /proxies/{proxy}/toxics":
                return createToxic(registry.get(proxyName), body);
            case "GET /proxies/{proxy}/toxics/{toxic}":
                return json(200, toxicJson(registry.get(proxyName).toxic(toxicName)));
            case "POST /proxies/{proxy}/toxics/{toxic}":
            case "PATCH /proxies/{proxy}/toxics/{toxic}":
                return updateToxic(registry.get(proxyName), toxicName, body);
            case "DELETE /proxies/{proxy}/toxics/{toxic}":
                registry.get(proxyName).removeToxic(toxicName);
                return noContent();
            default:
                if (KNOWN_PATHS.contains(pattern)) {
                    return error(405, "method " + method + " not allowed on " + path);
                }
                return new Response(404, "text/plain; charset=utf-8", bytes("404 page not found\n"));
        }
    }

    // ---- proxies -------------------------------------------------------------------------------

    private Response listProxies() {
        Map<String, Object> byName = new LinkedHashMap<>();
        for (TcpProxy proxy : registry.all()) {
            byName.put(proxy.name(), proxyJson(proxy));
        }
        return json(200, byName);
    }

    private Response populate(byte[] body) throws ApiException {
        JsonNode list = parse(body);
        if (!list.isArray()) {
            throw ApiException.badRequest("bad request body: expected a JSON array of proxies");
        }
        // Check every entry before touching any proxy, as Toxiproxy does.
        List<ProxyRegistry.ProxySpec> specs = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode entry = list.get(i);
            if (!entry.isObject()) {
                throw ApiException.badRequest("bad request body: proxy " + (i + 1) + " is not a JSON object");
            }
            specs.add(parseNewProxy(entry, " at proxy " + (i + 1)));
        }
        ProxyRegistry.PopulateResult result = registry.populate(specs);
        Map<String, Object> json = new LinkedHashMap<>();
        int status = 201;
        if (result.error() != null) {
            status = result.error().status();
            json.put("error", result.error().getMessage());
            json.put("status", status);
        }
        List<Object> proxies = new ArrayList<>();
        for (TcpProxy proxy : result.proxies()) {
            proxies.add(proxyJson(proxy));
        }
        json.put("proxies", proxies.isEmpty() ? null : proxies); // Go encodes an empty list here as null
        return json(status, json);
    }

    private static ProxyRegistry.ProxySpec parseNewProxy(JsonNode body) throws ApiException {
        return parseNewProxy(body, "");
    }

    private static ProxyRegistry.ProxySpec parseNewProxy(JsonNode body, String where) throws ApiException {
        String name = text(body, "name", "");
        String listen = text(body, "listen", "");
        String upstream = text(body, "upstream", "");
        boolean enabled = bool(body, "enabled", true);
        if (name.isEmpty()) {
            throw ApiException.badRequest("missing required field: name" + where);
        }
        if (upstream.isEmpty()) {
            throw ApiException.badRequest("missing required field: upstream" + where);
        }
        HostPort.parseUpstream(upstream); // fail now on a malformed address rather than on every connection
        return new ProxyRegistry.ProxySpec(name, canonicalListen(listen), upstream, enabled);
    }

    /** Fields left out keep their current values. */
    private Response updateProxy(TcpProxy proxy, byte[] body) throws ApiException {
        JsonNode input = readObject(body);
        TcpProxy.View current = proxy.view();
        String listen = input.has("listen") ? canonicalListen(text(input, "listen", "")) : current.listen();
        String upstream = text(input, "upstream", current.upstream());
        HostPort.parseUpstream(upstream);
        proxy.update(listen, upstream, bool(input, "enabled", current.enabled()));
        return json(200, proxyJson(proxy));
    }

    /** An empty listen address means "any port", as in Toxiproxy. */
    private static String canonicalListen(String listen) throws ApiException {
        var address = HostPort.parseListen(listen.isEmpty() ? "127.0.0.1:0" : listen);
        return HostPort.format(address.getAddress(), address.getPort());
    }

    private static Map<String, Object> proxyJson(TcpProxy proxy) {
        TcpProxy.View view = proxy.view();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", view.name());
        json.put("listen", view.listen());
        json.put("upstream", view.upstream());
        json.put("enabled", view.enabled());
        json.put("toxics", toxicsJson(view.toxics()));
        return json;
    }

    // ---- toxics --------------------------------------------------------------------------------

    private Response createToxic(TcpProxy proxy, byte[] body) throws ApiException {
        JsonNode input = readObject(body);
        String typeName = text(input, "type", "");
        String streamName = text(input, "stream", "downstream");
        String name = text(input, "name", "");
        float toxicity = number(input, "toxicity", 1.0f);
        Direction stream = Direction.parse(streamName).orElseThrow(
                () -> ApiException.badRequest("stream was invalid, can be either upstream or downstream"));
        if (name.isEmpty()) {
            name = typeName + "_" + stream.jsonName();
        }
        ToxicType type = ToxicType.parse(typeName).orElseThrow(() -> ApiException.badRequest("invalid toxic type"));
        Map<String, Long> attributes = attributes(input, type, Map.of());
        Toxic toxic = new Toxic(name, type, stream, toxicity, attributes, System.nanoTime());
        proxy.addToxic(toxic);
        return json(200, toxicJson(toxic)); // 200, not 201: Toxiproxy 2.12 answers a new toxic with 200
    }

    /** Only toxicity and attributes can change; attributes left out keep their values. */
    private Response updateToxic(TcpProxy proxy, String toxicName, byte[] body) throws ApiException {
        Toxic current = proxy.toxic(toxicName);
        JsonNode input = readObject(body);
        Toxic updated = current.updated(number(input, "toxicity", current.toxicity()),
                attributes(input, current.type(), current.attributes()));
        proxy.replaceToxic(updated);
        return json(200, toxicJson(updated));
    }

    /** Every attribute of the type, starting from {@code current} (0 when new), overridden by the request. */
    private static Map<String, Long> attributes(JsonNode input, ToxicType type, Map<String, Long> current)
            throws ApiException {
        Map<String, Long> attributes = new LinkedHashMap<>();
        for (String attribute : type.attributeNames()) {
            attributes.put(attribute, current.getOrDefault(attribute, 0L));
        }
        JsonNode given = input.get("attributes");
        if (given == null || given.isNull()) {
            return attributes;
        }
        if (!given.isObject()) {
            throw ApiException.badRequest("bad request body: attributes must be a JSON object");
        }
        for (Map.Entry<String, JsonNode> field : given.properties()) {
            if (!attributes.containsKey(field.getKey())) {
                continue; // Toxiproxy ignores attributes its toxic does not have
            }
            JsonNode value = field.getValue();
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                throw ApiException.badRequest("bad request body: attribute " + field.getKey()
                        + " must be a whole number, got " + value);
            }
            attributes.put(field.getKey(), value.asLong());
        }
        return attributes;
    }

    private static List<Object> toxicsJson(List<Toxic> toxics) {
        List<Object> json = new ArrayList<>();
        for (Toxic toxic : toxics) {
            json.add(toxicJson(toxic));
        }
        return json;
    }

    private static Map<String, Object> toxicJson(Toxic toxic) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (String attribute : toxic.type().attributeNames()) {
            attributes.put(attribute, toxic.attribute(attribute));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", toxic.name());
        json.put("type", toxic.type().jsonName());
        json.put("stream", toxic.stream().jsonName());
        json.put("toxicity", toxic.toxicity());
        json.put("attributes", attributes);
        return json;
    }

    // ---- JSON and HTTP helpers ------------------------------------------------------------------

    private static JsonNode parse(byte[] body) throws ApiException {
        if (body.length == 0) {
            throw ApiException.badRequest("bad request body: EOF (the request had no JSON body)");
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("bad request body: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiException.badRequest("bad request body: " + e.getMessage());
        }
    }

    private static JsonNode readObject(byte[] body) throws ApiException {
        JsonNode node = parse(body);
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest("bad request body: expected a JSON object");
        }
        return node;
    }

    private static String text(JsonNode object, String field, String fallback) throws ApiException {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest("bad request body: " + field + " must be a string, got " + value);
        }
        return value.asText();
    }

    private static boolean bool(JsonNode object, String field, boolean fallback) throws ApiException {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw ApiException.badRequest("bad request body: " + field + " must be true or false, got " + value);
        }
        return value.asBoolean();
    }

    private static float number(JsonNode object, String field, float fallback) throws ApiException {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isNumber()) {
            throw ApiException.badRequest("bad request body: " + field + " must be a number, got " + value);
        }
        return value.floatValue();
    }

    /** "/proxies/db/toxics" becomes [proxies, db, toxics]; an empty segment (a trailing slash) matches no route. */
    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>(List.of(path.split("/", -1)));
        if (!segments.isEmpty() && segments.get(0).isEmpty()) {
            segments.remove(0);
        }
        return segments;
    }

    /** The route a path matches, with names replaced by placeholders: "/proxies/{proxy}/toxics". */
    private static String pattern(List<String> segments) {
        if (segments.contains("")) {
            return "(no route)";
        }
        boolean underProxies = segments.size() >= 2 && segments.get(0).equals("proxies");
        boolean underToxics = segments.size() >= 3 && segments.get(2).equals("toxics");
        if (underProxies && segments.size() == 2) {
            return "/proxies/{proxy}";
        }
        if (underProxies && underToxics && segments.size() == 3) {
            return "/proxies/{proxy}/toxics";
        }
        if (underProxies && underToxics && segments.size() == 4) {
            return "/proxies/{proxy}/toxics/{toxic}";
        }
        return "/" + String.join("/", segments);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Response noContent() {
        return new Response(204, null, null);
    }

    private static Response json(int status, Object value) {
        try {
            return new Response(status, "application/json", JSON.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** Toxiproxy's error shape, with the newline Go's http.Error adds. */
    private static Response error(int status, String message) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("error", message);
        json.put("status", status);
        try {
            return new Response(status, "application/json", bytes(JSON.writeValueAsString(json) + "\n"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
