package workbook.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Toxi;
import workbook.labkit.testing.Task;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Task(4)
class HiddenTask4FanOutTest {
    @RegisterExtension
    static final Toxi toxi = Toxi.create();

    private Service fast;
    private Service slow;
    private Toxi.Proxied slowProxy;
    private Upstreams upstreams;

    @BeforeEach
    void start() throws Exception {
        fast = Service.start("fast");
        slow = Service.start("slow");
        slowProxy = toxi.localPort("hidden-slow", slow.port());
        upstreams = new Upstreams(Map.of("fast", fast.uri(), "slow", URI.create("http://" + slowProxy.address())),
                new CorrelationIds(() -> "hidden-fanout"));
    }

    @AfterEach
    void stop() {
        fast.close();
        slow.close();
    }

    @Test
    void eachPartWaitsItsOwnTimeout() throws Exception {
        slowProxy.toxics().latency("slow", ToxicDirection.DOWNSTREAM, 700);
        Aggregate answer = new FanOut(upstreams).aggregate(List.of(
                new Part("impatient", "slow", "/a", Duration.ofMillis(150), false),
                new Part("patient", "slow", "/b", Duration.ofSeconds(5), false),
                new Part("quick", "fast", "/c", Duration.ofSeconds(3), false)), "h-1");
        assertThat(answer.bodies().keySet()).as("parts answered: the patient part waits its own 5 s").containsExactly("patient", "quick");
        assertThat(answer.missing()).containsExactly("impatient");
    }

    @Test
    void anAnswerOtherThan200IsMissing() {
        Aggregate answer = new FanOut(upstreams).aggregate(List.of(
                new Part("broken", "fast", "/status/503", Duration.ofSeconds(3), false),
                new Part("moved", "fast", "/status/301", Duration.ofSeconds(3), false),
                new Part("created", "fast", "/status/201", Duration.ofSeconds(3), false),
                new Part("unknown", "nowhere", "/x", Duration.ofSeconds(3), false),
                new Part("fine", "fast", "/ok", Duration.ofSeconds(3), false)), "h-2");
        assertThat(answer.bodies()).containsOnlyKeys("fine");
        assertThat(answer.bodies().get("fine")).isEqualTo("{\"service\":\"fast\",\"path\":\"/ok\"}");
        assertThat(answer.missing()).containsExactly("broken", "moved", "created", "unknown");
        assertThatThrownBy(() -> new FanOut(upstreams).aggregate(List.of(
                new Part("fine", "fast", "/ok", Duration.ofSeconds(3), false),
                new Part("broken", "fast", "/status/500", Duration.ofSeconds(3), true)), "h-3"))
                .isInstanceOf(RequiredPartFailed.class);
    }

    @Test
    void theOrderOfThePartsIsKeptWhenTheFirstIsTheSlowest() throws Exception {
        slowProxy.toxics().latency("slow", ToxicDirection.DOWNSTREAM, 300);
        Aggregate answer = new FanOut(upstreams).aggregate(List.of(
                new Part("z-slow", "slow", "/1", Duration.ofSeconds(5), true),
                new Part("a-fast", "fast", "/2", Duration.ofSeconds(5), true)), "h-4");
        assertThat(answer.bodies().keySet()).containsExactly("z-slow", "a-fast");
        assertThat(answer.missing()).isEmpty();
        assertThat(slow.seen()).extracting(Service.Seen::requestId).containsExactly("h-4");
    }

    @Test
    void theGatewayMarksAPartialAnswer() throws Exception {
        slowProxy.disable();
        try (Gateway gateway = Gateway.builder().service("fast", fast.uri())
                .service("slow", URI.create("http://" + slowProxy.address()))
                .routes(Routes.everythingTo("fast"))
                .aggregate("/page", List.of(new Part("main", "fast", "/main", Duration.ofSeconds(3), true),
                        new Part("extra", "slow", "/extra", Duration.ofSeconds(3), false)))
                .start()) {
            HttpResponse<String> response = Client.get(gateway.uri("/page"));
            JsonNode body = new ObjectMapper().readTree(response.body());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(body.path("partial").asBoolean()).as("partial in %s", response.body()).isTrue();
            assertThat(body.path("missing").toString()).isEqualTo("[\"extra\"]");
            assertThat(body.path("parts").path("main").path("path").asText()).isEqualTo("/main");
        }
    }
}
