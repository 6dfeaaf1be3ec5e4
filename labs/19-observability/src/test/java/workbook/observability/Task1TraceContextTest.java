package workbook.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.testing.Task;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

@Task(1)
class Task1TraceContextTest {
    @RegisterExtension
    static final Postgres db = Postgres.freshDatabase();

    static final String EXAMPLE = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void parsesAValidHeader() {
        Optional<SpanContext> caller = TraceParent.parse(EXAMPLE);
        assertThat(caller).as("parse(\"%s\"), the W3C specification's own example", EXAMPLE)
                .contains(new SpanContext("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", null, 1));
        assertThat(TraceParent.parse("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00"))
                .as("a valid header whose sampled flag is off").contains(new SpanContext("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", null, 0));
    }

    @Test
    void malformedHeadersAreRejected() {
        List<String> malformed = List.of(
                "00-00000000000000000000000000000000-00f067aa0ba902b7-01",   // all-zero trace-id
                "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",   // all-zero parent-id
                "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",   // uppercase hex
                "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",   // version ff is forbidden
                "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01",    // trace-id one digit short
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-00", // version 00 has exactly four fields
                "00_4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7_01",   // wrong separators
                "");
        List<String> accepted = new ArrayList<>();
        for (String header : malformed) {
            if (TraceParent.parse(header).isPresent()) {
                accepted.add(header);
            }
        }
        assertThat(accepted).as("malformed traceparent headers that parse() accepted; W3C Trace Context says to ignore "
                + "such a header and start a new trace").isEmpty();
        assertThat(TraceParent.parse(null)).as("parse(null): no header at all").isEmpty();
    }

    @Test
    void aLaterVersionIsReadByItsFirstFourFields() {
        assertThat(TraceParent.parse("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-what-the-future-adds"))
                .as("a version-01 header with an extra field: a version-00 reader keeps the four fields it knows")
                .contains(new SpanContext("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", null, 1));
    }

    @Test
    void formatsTheHeaderOfASpan() {
        assertThat(TraceParent.format(new SpanContext("4bf92f3577b34da6a3ce929d0e0e4736", "53995c3f42cd8ad8", "00f067aa0ba902b7", 1)))
                .as("the traceparent a span sends downstream: its own span id becomes the callee's parent-id")
                .isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-53995c3f42cd8ad8-01");
        assertThat(TraceParent.format(new SpanContext("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", null, 0)))
                .as("flags are two hex digits").isEqualTo("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00");
    }

    @Test
    void aValidHeaderIsContinuedAndAMalformedOneStartsANewTrace() {
        IdSource ids = IdSource.seeded(19);
        SpanContext continued = TraceParent.continueOrStart(EXAMPLE, ids);
        assertThat(continued.traceId()).as("trace id of the server span for a request carrying a valid traceparent").isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(continued.parentSpanId()).as("its parent: the caller's span, the header's parent-id").isEqualTo("00f067aa0ba902b7");
        assertThat(continued.spanId()).as("its own span id: a new one, not the caller's").matches("[0-9a-f]{16}").isNotEqualTo("00f067aa0ba902b7");
        assertThat(continued.flags()).as("flags, kept from the caller").isEqualTo(1);

        IdSource same = IdSource.seeded(7);
        SpanContext fresh = TraceParent.continueOrStart("00-00000000000000000000000000000000-00f067aa0ba902b7-01", same);
        IdSource expected = IdSource.seeded(7);
        assertThat(fresh).as("the server span for a request whose traceparent has an all-zero trace-id: a new trace "
                + "(a new trace id and span id from the IdSource, no parent, sampled)")
                .isEqualTo(new SpanContext(expected.newTraceId(), expected.newSpanId(), null, SpanContext.SAMPLED));
    }

    @Test
    void aChildKeepsTheTraceAndPointsAtItsParent() {
        SpanContext parent = new SpanContext("4bf92f3577b34da6a3ce929d0e0e4736", "53995c3f42cd8ad8", "00f067aa0ba902b7", 1);
        IdSource ids = IdSource.seeded(3);
        SpanContext child = TraceParent.child(parent, ids);
        assertThat(child).as("child of %s", parent)
                .isEqualTo(new SpanContext(parent.traceId(), IdSource.seeded(3).newSpanId(), "53995c3f42cd8ad8", 1));
    }

    @Test
    void aLogLineIsOneJsonObjectWithTheTraceAndSpanIds() throws Exception {
        SpanContext span = new SpanContext("4bf92f3577b34da6a3ce929d0e0e4736", "53995c3f42cd8ad8", null, 1);
        String line = LogLines.json(Instant.parse("2026-03-02T09:00:01.250Z"), "orders", span, "stock is \"low\"\nretrying");
        assertThat(line).as("a log line whose message has a line break must still be one line").doesNotContain("\n");
        JsonNode json = JSON.readTree(line);
        assertThat(json.path("trace_id").asText()).as("trace_id of %s", line).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(json.path("span_id").asText()).as("span_id").isEqualTo("53995c3f42cd8ad8");
        assertThat(json.path("service").asText()).as("service").isEqualTo("orders");
        assertThat(json.path("message").asText()).as("message, read back").isEqualTo("stock is \"low\"\nretrying");
        assertThat(json.path("time").asText()).as("time").isEqualTo("2026-03-02T09:00:01.250Z");
    }

    @Test
    void theLogsOfOneRequestAcrossThreeServicesShareItsTraceId() throws Exception {
        // The services call your code on every request: fail here, fast, while it is not written yet.
        LogLines.json(Instant.EPOCH, "check", TraceParent.continueOrStart(null, IdSource.seeded(0)), "ready");
        Shop.createSchema(db.dataSource());
        SpanCollector collector = new SpanCollector();
        try (Shop shop = Shop.start(db.dataSource(), IdSource.seeded(1), collector)) {
            assertThat(shop.checkout("sku-1", null).status()).as("status of GET /checkout?sku=sku-1").isEqualTo(200);
            Set<String> traceIds = new TreeSet<>();
            for (String service : List.of(Shop.GATEWAY, Shop.ORDERS, Shop.INVENTORY)) {
                List<String> lines = shop.logs(service);
                assertThat(lines).as("log lines written by %s for one request", service).hasSizeGreaterThanOrEqualTo(2);
                for (String line : lines) {
                    traceIds.add(JSON.readTree(line).path("trace_id").asText());
                }
            }
            assertThat(traceIds).as("distinct trace ids in the logs of gateway, orders and inventory for ONE request; "
                    + "more than one means the traceparent was not sent or not read on some hop").hasSize(1);
            assertThat(collector.trace(traceIds.iterator().next())).as("spans the collector got for that trace (3 services + the query)").hasSize(4);

            shop.checkout("sku-3", EXAMPLE);
            List<String> inventory = shop.logs(Shop.INVENTORY);
            assertThat(JSON.readTree(inventory.get(inventory.size() - 1)).path("trace_id").asText())
                    .as("trace id in inventory's last log line for a request that came in with traceparent %s", EXAMPLE)
                    .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        }
    }
}
