package workbook.labkit.toxiproxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.rekawek.toxiproxy.Proxy;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * The details a strict client sees, each as Toxiproxy 2.12 does it (its api.go, proxy.go,
 * proxy_collection.go and toxics/toxic.go, with gorilla/mux and Go's net/http), checked byte for
 * byte over plain HTTP.
 */
class ToxiproxyConformanceTest extends ToxiproxyServerTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GO_ERROR_TYPE = "text/plain; charset=utf-8";
    private static final String REQUEST_ID = "X-Toxiproxy-Request-Id";
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void errorsGoThroughGoHttpErrorAsPlainTextHoldingJson() throws Exception {
        HttpResponse<String> missing = send("GET", "/proxies/missing", null);

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue(GO_ERROR_TYPE);
        assertThat(missing.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(missing.body()).isEqualTo("{\"error\":\"proxy not found\",\"status\":404}\n");

        HttpResponse<String> noUpstream = send("POST", "/proxies", "{\"name\": \"x\"}");
        assertThat(noUpstream.statusCode()).isEqualTo(400);
        assertThat(noUpstream.headers().firstValue("Content-Type")).hasValue(GO_ERROR_TYPE);
        assertThat(noUpstream.body()).isEqualTo("{\"error\":\"missing required field: upstream\",\"status\":400}\n");

        HttpResponse<String> success = send("GET", "/proxies", null);
        assertThat(success.headers().firstValue("Content-Type")).as("answers that are not errors stay JSON")
                .hasValue("application/json");
    }

    @Test
    void aListenAddressThatDoesNotResolveIsA500WithGoWording() throws Exception {
        HttpResponse<String> created = send("POST", "/proxies",
                "{\"name\": \"bad\", \"listen\": \"local373\", \"upstream\": \"127.0.0.1:1\"}");

        assertThat(created.statusCode()).isEqualTo(500);
        assertThat(created.body())
                .isEqualTo("{\"error\":\"listen tcp: address local373: missing port in address\",\"status\":500}\n");
        assertThat(send("POST", "/proxies", "{\"name\": \"bad\", \"listen\": \"127.0.0.1:99999\", \"upstream\": \"u:1\"}").body())
                .contains("\"error\":\"listen tcp: address 99999: invalid port\"");
    }

    @Test
    void everyAnswerOfAKnownRouteCarriesARequestIdButTheRoutersOwnAnswersDoNot() throws Exception {
        HttpResponse<String> version = send("GET", "/version", null);
        HttpResponse<String> list = send("GET", "/proxies", null);
        HttpResponse<String> error = send("GET", "/proxies/missing", null);
        HttpResponse<String> browser = http.send(request("/proxies").header("User-Agent", "Mozilla/5.0").GET().build(),
                HttpResponse.BodyHandlers.ofString());

        List<String> ids = new ArrayList<>();
        for (HttpResponse<String> response : List.of(version, list, error, browser)) {
            String id = response.headers().firstValue(REQUEST_ID).orElse("(none)");
            assertThat(id).as("request id of %s %s", response.request().method(), response.uri().getPath())
                    .matches("[0-9a-v]{20}");
            ids.add(id);
        }
        assertThat(ids).as("each request has its own id").doesNotHaveDuplicates();
        assertThat(browser.statusCode()).isEqualTo(403);
        assertThat(browser.body()).isEqualTo("User agent not allowed\n");

        assertThat(send("DELETE", "/version", null).headers().firstValue(REQUEST_ID)).as("405").isEmpty();
        assertThat(send("GET", "/nowhere", null).headers().firstValue(REQUEST_ID)).as("404 of the router").isEmpty();
    }

    @Test
    void wrongMethodIsABare405AndAnUnknownPathGos404Page() throws Exception {
        HttpResponse<String> wrongMethod = send("DELETE", "/version", null);

        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.body()).isEmpty();
        assertThat(wrongMethod.headers().firstValue("Content-Type")).isEmpty();
        assertThat(wrongMethod.headers().firstValue("Content-Length")).hasValue("0");
        assertThat(send("PUT", "/proxies/any", "{}").statusCode()).isEqualTo(405);

        HttpResponse<String> unknown = http.send(request("/nowhere").header("User-Agent", "Mozilla/5.0").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).as("the router answers before the browser check").isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue(GO_ERROR_TYPE);
        assertThat(unknown.body()).isEqualTo("404 page not found\n");
    }

    @Test
    void aProxyIsWrittenWithTheLoggerKeyGoEmits() throws Exception {
        TestUpstream upstream = echoUpstream();
        Proxy proxy = client.createProxy("db", "127.0.0.1:0", upstream.address());

        HttpResponse<String> shown = send("GET", "/proxies/db", null);

        assertThat(shown.body()).isEqualTo("{\"name\":\"db\",\"listen\":\"" + proxy.getListen() + "\",\"upstream\":\""
                + upstream.address() + "\",\"enabled\":true,\"Logger\":{},\"toxics\":[]}");
    }

    @Test
    void stringsAreEscapedForHtmlAsGoDoes() throws Exception {
        client.createProxy("a<b>&c", "127.0.0.1:0", echoUpstream().address());

        assertThat(send("GET", "/proxies", null).body()).contains("{\"a\\u003cb\\u003e\\u0026c\":{\"name\":\"a\\u003cb\\u003e\\u0026c\"");
    }

    @Test
    void aDisabledProxyKeepsItsListenAddressAsGivenUntilItListens() throws Exception {
        int port = freePort();
        TestUpstream upstream = echoUpstream();

        HttpResponse<String> created = send("POST", "/proxies", "{\"name\": \"later\", \"listen\": \"localhost:" + port
                + "\", \"upstream\": \"" + upstream.address() + "\", \"enabled\": false}");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(created.body()).get("listen").asText()).isEqualTo("localhost:" + port);
        assertThat(client.getProxy("later").getListen()).isEqualTo("localhost:" + port);

        HttpResponse<String> enabled = send("POST", "/proxies/later", "{\"enabled\": true}");
        assertThat(JSON.readTree(enabled.body()).get("listen").asText()).as("once listening, the bound address")
                .isEqualTo("127.0.0.1:" + port);
        roundTripMillis(connect(client.getProxy("later")), "now listening");
    }

    @Test
    void aStreamIsReadInAnyCaseButKeptAsSpelled() throws Exception {
        Proxy proxy = proxyTo(echoUpstream());
        String toxics = "/proxies/" + proxy.getName() + "/toxics";
        send("POST", toxics, "{\"type\": \"latency\", \"name\": \"down\"}");

        HttpResponse<String> created = send("POST", toxics, "{\"type\": \"latency\", \"stream\": \"UPSTREAM\"}");

        assertThat(created.statusCode()).isEqualTo(200);
        JsonNode toxic = JSON.readTree(created.body());
        assertThat(toxic.get("stream").asText()).isEqualTo("UPSTREAM");
        assertThat(toxic.get("name").asText()).as("the default name uses the spelling too").isEqualTo("latency_UPSTREAM");
        JsonNode all = JSON.readTree(send("GET", toxics, null).body());
        assertThat(all.get(0).get("name").asText()).as("it is an upstream toxic: listed before downstream ones")
                .isEqualTo("latency_UPSTREAM");
        assertThat(send("POST", toxics, "{\"type\": \"latency\", \"stream\": \"Sideways\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void toxicsAreWrittenInGoFieldOrderWithGoNumbers() throws Exception {
        Proxy proxy = proxyTo(echoUpstream());
        String toxics = "/proxies/" + proxy.getName() + "/toxics";

        HttpResponse<String> created = send("POST", toxics, "{\"type\": \"latency\", \"attributes\": {\"latency\": 10}}");

        assertThat(created.body()).isEqualTo("{\"attributes\":{\"latency\":10,\"jitter\":0},\"name\":\"latency_downstream\","
                + "\"type\":\"latency\",\"stream\":\"downstream\",\"toxicity\":1}");
        assertThat(send("PATCH", toxics + "/latency_downstream", "{\"toxicity\": 0.5}").body()).endsWith("\"toxicity\":0.5}");
        assertThat(send("PATCH", toxics + "/latency_downstream", "{\"toxicity\": 0.1}").body()).endsWith("\"toxicity\":0.1}");
        assertThat(send("PATCH", toxics + "/latency_downstream", "{\"toxicity\": 1e-7}").body()).endsWith("\"toxicity\":1e-7}");
        assertThat(send("PATCH", toxics + "/latency_downstream", "{\"toxicity\": 0}").body()).endsWith("\"toxicity\":0}");
    }

    @Test
    void populateKeepsTheProxiesBeforeOneThatCannotListenAndAnswers500() throws Exception {
        TestUpstream upstream = echoUpstream();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String busy = "127.0.0.1:" + taken.getLocalPort();
            String body = "[" + entry("one", "127.0.0.1:0", upstream) + "," + entry("two", busy, upstream) + ","
                    + entry("three", "127.0.0.1:0", upstream) + "]";

            HttpResponse<String> populated = send("POST", "/populate", body);

            assertThat(populated.statusCode()).isEqualTo(500);
            assertThat(populated.headers().firstValue("Content-Type")).hasValue("application/json");
            JsonNode answer = JSON.readTree(populated.body());
            assertThat(answer.get("error").asText()).isEqualTo("listen tcp " + busy + ": bind: address already in use");
            assertThat(answer.get("status").asInt()).isEqualTo(500);
            assertThat(answer.get("proxies")).hasSize(1);
            assertThat(answer.get("proxies").get(0).get("name").asText()).isEqualTo("one");
            assertThat(client.getProxies()).extracting(Proxy::getName).as("the one before stays; none after")
                    .containsExactly("one");
        }
        roundTripMillis(connect(client.getProxy("one")), "kept");
    }

    @Test
    void populateFailingOnItsFirstProxyAnswersWithProxiesNull() throws Exception {
        HttpResponse<String> populated = send("POST", "/populate",
                "[{\"name\": \"two\", \"listen\": \"local373\", \"upstream\": \"localhost:7474\"}]");

        assertThat(populated.statusCode()).isEqualTo(500);
        assertThat(populated.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(populated.body()).isEqualTo(
                "{\"error\":\"listen tcp: address local373: missing port in address\",\"status\":500,\"proxies\":null}");
    }

    @Test
    void populateWithAMissingFieldCreatesNothingAndAnswers400() throws Exception {
        TestUpstream upstream = echoUpstream();
        String body = "[" + entry("one", "127.0.0.1:0", upstream) + ", {\"listen\": \"127.0.0.1:0\", \"upstream\": \""
                + upstream.address() + "\"}]";

        HttpResponse<String> populated = send("POST", "/populate", body);

        assertThat(populated.statusCode()).isEqualTo(400);
        assertThat(populated.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(populated.body())
                .isEqualTo("{\"error\":\"missing required field: name at proxy 2\",\"status\":400,\"proxies\":null}");
        assertThat(client.getProxies()).as("every entry is checked before any is created").isEmpty();

        assertThat(send("POST", "/populate", "").body()).isEqualTo(
                "{\"error\":\"bad request body: EOF\",\"status\":400,\"proxies\":null}");
        HttpResponse<String> empty = send("POST", "/populate", "[]");
        assertThat(empty.statusCode()).isEqualTo(201);
        assertThat(empty.body()).isEqualTo("{\"proxies\":null}");
    }

    private static String entry(String name, String listen, TestUpstream upstream) {
        return "{\"name\": \"" + name + "\", \"listen\": \"" + listen + "\", \"upstream\": \"" + upstream.address() + "\"}";
    }

    private static int freePort() throws Exception {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        return http.send(request(path).method(method, publisher).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://" + server.apiHost() + ":" + server.apiPort() + path));
    }
}
