package workbook.labkit.toxiproxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
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
 * Toxiproxy's HTTP API: the same routes, JSON, status codes, headers and error bodies as Toxiproxy
 * 2.12 (its api.go, with the gorilla/mux router and Go's net/http around it):
 * <ul>
 *   <li>an error is {@code {"error":"proxy not found","status":404}} plus a newline, sent by Go's
 *       {@code http.Error}, so as {@code text/plain; charset=utf-8} with {@code X-Content-Type-Options: nosniff};</li>
 *   <li>every answer of a known route carries an {@code X-Toxiproxy-Request-Id};</li>
 *   <li>a known path with another method is a bare 405 (no body, no request id), an unknown path
 *       Go's "404 page not found";</li>
 *   <li>browsers (a User-Agent starting with {@code Mozilla/}) get a 403 on every known route.</li>
 * </ul>
 */
final class ApiRoutes implements Function<Request, Response> {
    /** The Toxiproxy version whose API this server speaks. */
    static final String VERSION = "2.12.0";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEXT = "text/plain; charset=utf-8";
    /** Each route and the methods it answers, as api.go registers them. */
    private static final Map<String, Set<String>> ROUTES = Map.of(
            "/version", Set.of("GET"),
            "/reset", Set.of("POST"),
            "/populate", Set.of("POST"),
            "/proxies", Set.of("GET", "POST"),
            "/proxies/{proxy}", Set.of("GET", "POST", "PATCH", "DELETE"),
            "/proxies/{proxy}/toxics", Set.of("GET", "POST"),
            "/proxies/{proxy}/toxics/{toxic}", Set.of("GET", "POST", "PATCH", "DELETE"));

    static {
        JSON.getFactory().setCharacterEscapes(new GoJson.HtmlSafeEscapes());
    }

    private final ProxyRegistry registry;
    private final RequestIds requestIds = new RequestIds();

    ApiRoutes(ProxyRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Response apply(Request request) {
        List<String> segments = segments(request.path());
        String pattern = pattern(segments);
        Set<String> methods = ROUTES.get(pattern);
        if (methods == null) {
            return goError(404, "404 page not found");
        }
        if (!methods.contains(request.method())) {
            return new Response(405, Map.of(), new byte[0]); // the router's own answer: status only
        }
        return answer(request, segments, pattern).withHeader("X-Toxiproxy-Request-Id", requestIds.next());
    }

    private Response answer(Request request, List<String> segments, String pattern) {
        if (String.valueOf(request.header("user-agent")).startsWith("Mozilla/")) {
            // Toxiproxy refuses browsers, so a web page cannot drive the API behind the user's back.
            return goError(403, "User agent not allowed");
        }
        try {
            return route(request.method(), pattern, segments, request.body());
        } catch (ApiException e) {
            return error(e.status(), e.getMessage());
        } catch (RuntimeException e) {
            return error(500, String.valueOf(e));
        }
    }

    private Response route(String method, String pattern, List<String> segments, byte[] body) throws ApiException {
        String proxyName = segments.size() > 1 ? segments.get(1) : null;
        String toxicName = segments.size() > 3 ? segments.get(3) : null;
        switch (method + " " + pattern) {
            case "GET /version":
                return Response.of(200, "application/json;charset=utf-8", bytes("{\"version\": \"" + VERSION + "\"}\n"));
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
                throw new IllegalStateException("no handler for " + method + " " + pattern);
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

    /**
     * Creates, keeps or replaces each proxy in turn. Toxiproxy checks names and upstreams of every entry
     * before it creates any (400, nothing created); a proxy that cannot listen stops the rest (500,
     * the proxies before it stay). Success or not, the answer is JSON listing what was done, with
     * {@code "proxies": null} when that is nothing.
     */
    private Response populate(byte[] body) {
        List<TcpProxy> done = List.of();
        ApiException failure;
        try {
            ProxyRegistry.PopulateResult result = registry.populate(parsePopulate(body));
            done = result.proxies();
            failure = result.error();
        } catch (ApiException e) {
            failure = e;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        if (failure != null) {
            json.put("error", failure.getMessage());
            json.put("status", failure.status());
        }
        List<Object> proxies = new ArrayList<>();
        for (TcpProxy proxy : done) {
            proxies.add(proxyJson(proxy));
        }
        json.put("proxies", proxies.isEmpty() ? null : proxies); // Go writes an empty list here as null
        return json(failure == null ? 201 : failure.status(), json);
    }

    /** Reads every entry first (a malformed one is a bad request body), then checks the required fields. */
    private static List<ProxyRegistry.ProxySpec> parsePopulate(byte[] body) throws ApiException {
        JsonNode list = parse(body);
        if (list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw ApiException.badRequest("bad request body: expected a JSON array of proxies");
        }
        List<ProxyRegistry.ProxySpec> specs = new ArrayList<>();
        for (JsonNode entry : list) {
            if (!entry.isObject() && !entry.isNull()) {
                throw ApiException.badRequest("bad request body: each proxy must be a JSON object, got " + entry);
            }
            specs.add(new ProxyRegistry.ProxySpec(text(entry, "name", ""), text(entry, "listen", ""),
                    text(entry, "upstream", ""), bool(entry, "enabled", true)));
        }
        for (int i = 0; i < specs.size(); i++) {
            requireNameAndUpstream(specs.get(i), " at proxy " + (i + 1));
        }
        return specs;
    }

    /** Toxiproxy checks only that name and upstream are there; the listen address is checked when the proxy starts. */
    private static ProxyRegistry.ProxySpec parseNewProxy(JsonNode body) throws ApiException {
        ProxyRegistry.ProxySpec spec = new ProxyRegistry.ProxySpec(text(body, "name", ""), text(body, "listen", ""),
                text(body, "upstream", ""), bool(body, "enabled", true));
        requireNameAndUpstream(spec, "");
        return spec;
    }

    private static void requireNameAndUpstream(ProxyRegistry.ProxySpec spec, String where) throws ApiException {
        if (spec.name().isEmpty()) {
            throw ApiException.badRequest("missing required field: name" + where);
        }
        if (spec.upstream().isEmpty()) {
            throw ApiException.badRequest("missing required field: upstream" + where);
        }
    }

    /** Fields left out keep their current values. */
    private Response updateProxy(TcpProxy proxy, byte[] body) throws ApiException {
        JsonNode input = readObject(body);
        TcpProxy.View current = proxy.view();
        proxy.update(text(input, "listen", current.listen()), text(input, "upstream", current.upstream()),
                bool(input, "enabled", current.enabled()));
        return json(200, proxyJson(proxy));
    }

    private static Map<String, Object> proxyJson(TcpProxy proxy) {
        TcpProxy.View view = proxy.view();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", view.name());
        json.put("listen", view.listen());
        json.put("upstream", view.upstream());
        json.put("enabled", view.enabled());
        // Toxiproxy's Proxy struct has an exported Logger field without a JSON tag; Go writes it as {}.
        json.put("Logger", Map.of());
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
            name = typeName + "_" + streamName; // as spelled: "latency_UPSTREAM"
        }
        ToxicType type = ToxicType.parse(typeName).orElseThrow(() -> ApiException.badRequest("invalid toxic type"));
        Map<String, Long> attributes = attributes(input, type, Map.of());
        Toxic toxic = new Toxic(name, type, stream, streamName, toxicity, attributes, System.nanoTime());
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
        // In Toxiproxy's order: the attributes are its first field.
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("attributes", attributes);
        json.put("name", toxic.name());
        json.put("type", toxic.type().jsonName());
        json.put("stream", toxic.streamAsGiven());
        json.put("toxicity", new RawValue(GoJson.float32(toxic.toxicity()))); // 1, not 1.0
        return json;
    }

    // ---- JSON and HTTP helpers ------------------------------------------------------------------

    private static JsonNode parse(byte[] body) throws ApiException {
        if (body.length == 0) {
            throw ApiException.badRequest("bad request body: EOF");
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
        return new Response(204, Map.of(), null);
    }

    private static Response json(int status, Object value) {
        try {
            return Response.of(status, "application/json", JSON.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** Toxiproxy's error: its JSON shape, sent through Go's http.Error. */
    private static Response error(int status, String message) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("error", message);
        json.put("status", status);
        try {
            return goError(status, JSON.writeValueAsString(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** What Go's http.Error sends: the text and a newline, as plain text the browser must not sniff. */
    private static Response goError(int status, String text) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", TEXT);
        headers.put("X-Content-Type-Options", "nosniff");
        return new Response(status, headers, bytes(text + "\n"));
    }
}
