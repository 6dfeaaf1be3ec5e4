package workbook.labkit.toxiproxy;

import static eu.rekawek.toxiproxy.model.ToxicDirection.DOWNSTREAM;
import static eu.rekawek.toxiproxy.model.ToxicDirection.UPSTREAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.toxic.Bandwidth;
import eu.rekawek.toxiproxy.model.toxic.Latency;
import eu.rekawek.toxiproxy.model.toxic.LimitData;
import eu.rekawek.toxiproxy.model.toxic.ResetPeer;
import eu.rekawek.toxiproxy.model.toxic.Slicer;
import eu.rekawek.toxiproxy.model.toxic.SlowClose;
import eu.rekawek.toxiproxy.model.toxic.Timeout;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * The HTTP API as the official client sees it: every call it makes, the JSON it parses, and the
 * errors it turns into IOExceptions. Populate and the raw JSON shapes, which the client does not
 * reach, are checked over plain HTTP.
 */
class ToxiproxyApiTest extends ToxiproxyServerTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void versionIsToxiproxys() throws Exception {
        assertThat(client.version()).isEqualTo("{\"version\": \"2.12.0\"}");
    }

    @Test
    void createdProxiesCanBeReadBackOneByOneAndAsAList() throws Exception {
        TestUpstream upstream = echoUpstream();
        Proxy created = client.createProxy("db", "127.0.0.1:0", upstream.address());

        Proxy fetched = client.getProxy("db");
        assertThat(fetched.getName()).isEqualTo("db");
        assertThat(fetched.getListen()).isEqualTo(created.getListen());
        assertThat(fetched.getUpstream()).isEqualTo(upstream.address());
        assertThat(fetched.isEnabled()).isTrue();
        assertThat(client.getProxies()).extracting(Proxy::getName).containsExactly("db");
        assertThat(client.getProxyOrNull("db")).isNotNull();
    }

    @Test
    void unknownProxyIsA404ThatTheClientReportsAsAnIOException() {
        assertThatThrownBy(() -> client.getProxy("missing"))
                .isInstanceOf(IOException.class).hasMessage("[404] proxy not found");
        assertThat(client.getProxyOrNull("missing")).isNull();
    }

    @Test
    void duplicateProxyNameIsA409() throws Exception {
        TestUpstream upstream = echoUpstream();
        client.createProxy("twice", "127.0.0.1:0", upstream.address());

        assertThatThrownBy(() -> client.createProxy("twice", "127.0.0.1:0", upstream.address()))
                .isInstanceOf(IOException.class).hasMessage("[409] proxy already exists");
    }

    @Test
    void everyToxicTypeOfTheClientRoundTripsWithItsAttributes() throws Exception {
        Proxy proxy = proxyTo(echoUpstream());
        var toxics = proxy.toxics();
        toxics.latency("latency", DOWNSTREAM, 100).setJitter(10);
        toxics.bandwidth("bandwidth", UPSTREAM, 50);
        toxics.slowClose("slow_close", DOWNSTREAM, 200);
        toxics.timeout("timeout", UPSTREAM, 300);
        toxics.resetPeer("reset_peer", DOWNSTREAM, 400);
        toxics.slicer("slicer", UPSTREAM, 500, 600).setSizeVariation(70);
        toxics.limitData("limit_data", DOWNSTREAM, 700);

        List<? extends Toxic> all = toxics.getAll();

        assertThat(all).extracting(Toxic::getName).as("upstream toxics first, each stream in order of creation")
                .containsExactly("bandwidth", "timeout", "slicer", "latency", "slow_close", "reset_peer", "limit_data");
        Latency latency = toxics.get("latency", Latency.class);
        assertThat(latency.getLatency()).isEqualTo(100);
        assertThat(latency.getJitter()).isEqualTo(10);
        assertThat(latency.getStream()).isEqualTo(ToxicDirection.DOWNSTREAM);
        assertThat(latency.getToxicity()).isEqualTo(1f);
        assertThat(toxics.get("bandwidth", Bandwidth.class).getRate()).isEqualTo(50);
        assertThat(toxics.get("slow_close", SlowClose.class).getDelay()).isEqualTo(200);
        assertThat(toxics.get("timeout", Timeout.class).getTimeout()).isEqualTo(300);
        assertThat(toxics.get("reset_peer", ResetPeer.class).getTimeout()).isEqualTo(400);
        Slicer slicer = toxics.get("slicer", Slicer.class);
        assertThat(slicer.getAverageSize()).isEqualTo(500);
        assertThat(slicer.getDelay()).isEqualTo(600);
        assertThat(slicer.getSizeVariation()).isEqualTo(70);
        assertThat(toxics.get("limit_data", LimitData.class).getBytes()).isEqualTo(700);
    }

    @Test
    void toxicSettersUpdateOneAttributeAndKeepTheOthers() throws Exception {
        Proxy proxy = proxyTo(echoUpstream());
        Latency latency = proxy.toxics().latency("slow", DOWNSTREAM, 100);

        latency.setJitter(20);
        latency.setLatency(300);
        latency.setToxicity(0.5f);

        Latency stored = proxy.toxics().get("slow", Latency.class);
        assertThat(stored.getLatency()).isEqualTo(300);
        assertThat(stored.getJitter()).isEqualTo(20);
        assertThat(stored.getToxicity()).isEqualTo(0.5f);
        assertThat(latency.getLatency()).as("the client object is refreshed from the answer").isEqualTo(300);
    }

    @Test
    void toxicErrorsAre404And409() throws Exception {
        Proxy proxy = proxyTo(echoUpstream());
        Latency latency = proxy.toxics().latency("slow", DOWNSTREAM, 100);

        assertThatThrownBy(() -> proxy.toxics().latency("slow", UPSTREAM, 100))
                .isInstanceOf(IOException.class).hasMessage("[409] toxic already exists");
        latency.remove();
        assertThat(proxy.toxics().getAll()).isEmpty();
        assertThatThrownBy(latency::remove).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> proxy.toxics().get("slow"))
                .isInstanceOf(IOException.class).hasMessage("[404] toxic not found");
        assertThatThrownBy(() -> latency.setLatency(5))
                .isInstanceOf(IOException.class).hasMessage("[404] toxic not found");
    }

    @Test
    void toxicDefaultsAreToxiproxys() throws Exception {
        Proxy proxy = proxyTo(echoUpstream());

        HttpResponse<String> created = post("/proxies/" + proxy.getName() + "/toxics",
                "{\"type\": \"latency\", \"attributes\": {\"latency\": 10}}");

        assertThat(created.statusCode()).as("Toxiproxy answers a new toxic with 200").isEqualTo(200);
        JsonNode toxic = JSON.readTree(created.body());
        assertThat(toxic.get("name").asText()).isEqualTo("latency_downstream");
        assertThat(toxic.get("stream").asText()).isEqualTo("downstream");
        assertThat(toxic.get("toxicity").asDouble()).isEqualTo(1.0);
        assertThat(toxic.get("attributes").get("latency").asLong()).isEqualTo(10);
        assertThat(toxic.get("attributes").get("jitter").asLong()).as("every attribute is listed").isEqualTo(0);
    }

    @Test
    void errorsHaveToxiproxysShapeAndStatus() throws Exception {
        Proxy proxy = proxyTo(echoUpstream());
        String toxics = "/proxies/" + proxy.getName() + "/toxics";

        assertError(get("/proxies/missing"), 404, "proxy not found");
        assertError(post("/proxies", "{\"name\": \"x\", \"listen\": \"127.0.0.1:0\"}"), 400, "missing required field: upstream");
        assertError(post("/proxies", "{not json"), 400, "bad request body");
        assertError(post(toxics, "{\"type\": \"latency\", \"stream\": \"sideways\"}"), 400,
                "stream was invalid, can be either upstream or downstream");
        assertError(post(toxics, "{\"type\": \"teleport\"}"), 400, "invalid toxic type");
        assertError(post(toxics, "{\"type\": \"latency\", \"attributes\": {\"latency\": \"fast\"}}"), 400, "bad request body");
        assertThat(delete("/proxies/" + proxy.getName()).statusCode()).isEqualTo(204);
        assertThat(post("/reset", "").statusCode()).isEqualTo(204);
        assertThat(get("/nowhere").statusCode()).isEqualTo(404);
    }

    @Test
    void populateCreatesKeepsAndReplacesProxies() throws Exception {
        TestUpstream first = echoUpstream();
        TestUpstream second = echoUpstream();
        String body = "[{\"name\": \"a\", \"listen\": \"127.0.0.1:0\", \"upstream\": \"" + first.address() + "\"},"
                + " {\"name\": \"b\", \"listen\": \"127.0.0.1:0\", \"upstream\": \"" + second.address() + "\", \"enabled\": false}]";

        HttpResponse<String> populated = post("/populate", body);

        assertThat(populated.statusCode()).isEqualTo(201);
        JsonNode proxies = JSON.readTree(populated.body()).get("proxies");
        assertThat(proxies).hasSize(2);
        assertThat(proxies.get(0).get("name").asText()).isEqualTo("a");
        assertThat(proxies.get(1).get("enabled").asBoolean()).isFalse();
        Proxy a = client.getProxy("a");
        roundTripMillis(connect(a), "populated");

        a.toxics().latency("kept", DOWNSTREAM, 10);
        String sameListen = "[{\"name\": \"a\", \"listen\": \"" + a.getListen() + "\", \"upstream\": \"" + first.address() + "\"}]";
        assertThat(post("/populate", sameListen).statusCode()).isEqualTo(201);
        assertThat(a.toxics().getAll()).as("an unchanged proxy is left alone, toxics and all").hasSize(1);

        String newUpstream = "[{\"name\": \"a\", \"listen\": \"" + a.getListen() + "\", \"upstream\": \"" + second.address() + "\"}]";
        assertThat(post("/populate", newUpstream).statusCode()).isEqualTo(201);
        assertThat(client.getProxy("a").getUpstream()).isEqualTo(second.address());
        assertThat(a.toxics().getAll()).as("a changed proxy is replaced by a fresh one").isEmpty();

        assertError(post("/populate", "[{\"name\": \"c\"}]"), 400, "missing required field: upstream at proxy 1");
    }

    @Test
    void updatingAProxyMovesItToItsNewUpstream() throws Exception {
        TestUpstream before = echoUpstream();
        TestUpstream after = echoUpstream();
        Proxy proxy = proxyTo(before);
        roundTripMillis(connect(proxy), "one");

        proxy.setUpstream(after.address());
        roundTripMillis(connect(proxy), "two");

        assertThat(proxy.getUpstream()).isEqualTo(after.address());
        assertThat(before.connectionsAccepted()).isEqualTo(1);
        assertThat(after.connectionsAccepted()).isEqualTo(1);
    }

    private void assertError(HttpResponse<String> response, int status, String message) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("status").asInt()).isEqualTo(status);
        assertThat(error.get("error").asText()).contains(message);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(request(path).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> delete(String path) throws Exception {
        return http.send(request(path).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://" + server.apiHost() + ":" + server.apiPort() + path));
    }
}
