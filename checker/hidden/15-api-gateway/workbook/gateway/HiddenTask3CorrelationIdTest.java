package workbook.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

@Task(3)
class HiddenTask3CorrelationIdTest {
    private final AtomicInteger made = new AtomicInteger();
    private final CorrelationIds ids = new CorrelationIds(() -> "new-" + (10_000 + made.incrementAndGet()));

    @Test
    void theShapeOfAWellFormedIdIsExact() {
        assertThat(ids.idFor("abcdefgh")).as("8 characters").isEqualTo("abcdefgh");
        assertThat(ids.idFor("abcdefg")).as("7 characters").isEqualTo("new-10001");
        assertThat(ids.idFor("A".repeat(64))).as("64 characters").isEqualTo("A".repeat(64));
        assertThat(ids.idFor("A".repeat(65))).as("65 characters").isEqualTo("new-10002");
        assertThat(ids.idFor("v1.trace_ID-09")).as("dots, underscores, dashes, digits").isEqualTo("v1.trace_ID-09");
        assertThat(ids.idFor("abc/defgh")).as("a slash").isEqualTo("new-10003");
        assertThat(ids.idFor("abcdéfgh")).as("a letter outside ASCII").isEqualTo("new-10004");
        assertThat(ids.idFor("abcdefgh\n")).as("a trailing newline").isEqualTo("new-10005");
        assertThat(ids.idFor("")).as("empty").isEqualTo("new-10006");
        assertThat(ids.idFor(null)).as("absent").isEqualTo("new-10007");
    }

    @Test
    void everyRequestWithoutAnIdGetsItsOwn() {
        assertThat(List.of(ids.idFor(null), ids.idFor(null), ids.idFor("bad id"))).containsExactly("new-10001", "new-10002", "new-10003");
    }

    @Test
    void theErrorBodyIsValidJsonWhateverTheMessage() throws Exception {
        String message = "service \"orders\" failed: \\ reset\nby peer";
        JsonNode body = new ObjectMapper().readTree(ids.errorBody("trace-00000001", 502, message));
        assertThat(body.path("error").asText()).isEqualTo(message);
        assertThat(body.path("status").asInt()).isEqualTo(502);
        assertThat(body.path("request_id").asText()).isEqualTo("trace-00000001");
    }

    @Test
    void theTagIsTheRequestIdHeader() {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1/x"));
        ids.tag(request, "trace-00000002");
        assertThat(request.build().headers().allValues(RequestIds.HEADER)).containsExactly("trace-00000002");
        assertThat(ids.logLine("trace-00000002", "GET /x -> 200")).isEqualTo("request_id=trace-00000002 GET /x -> 200");
    }

    @Test
    void errorsAreLoggedWithTheirId() throws Exception {
        try (Service orders = Service.start("orders");
             Gateway gateway = Gateway.builder().service(orders).routes(new RouteTable(List.of()))
                     .ids(ids).start()) {
            Client.get(gateway.uri("/missing"));
            Client.get(gateway.uri("/missing"), RequestIds.HEADER, "retry-of-new-10001");
            assertThat(gateway.log()).containsExactly("request_id=new-10001 GET /missing -> 404",
                    "request_id=retry-of-new-10001 GET /missing -> 404");
        }
    }
}
