package workbook.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Hidden cases for Task 1: later versions, odd lengths and characters, flags kept and written. */
@Task(1)
class HiddenTask1TraceContextTest {
    static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String PARENT = "00f067aa0ba902b7";

    @Test
    void moreMalformedHeadersAreRejected() {
        List<String> malformed = List.of(
                "01-" + TRACE + "-" + PARENT + "-01x",        // a later version: more data must follow a dash
                "01-" + TRACE + "-" + PARENT + "-0",          // too short
                "00-" + TRACE + "-" + PARENT + "-0g",         // flags not hex
                "00-" + TRACE + "-00F067AA0BA902B7-01",       // uppercase parent-id
                "0-" + TRACE + "-" + PARENT + "-01-",         // version of one digit
                "00-" + TRACE + "-" + PARENT + "-01 ",        // version 00 with a trailing character
                "ff-" + TRACE + "-" + PARENT + "-01-later",   // version ff, even with more fields
                " 00-" + TRACE + "-" + PARENT + "-01");
        List<String> accepted = new ArrayList<>();
        for (String header : malformed) {
            if (TraceParent.parse(header).isPresent()) {
                accepted.add(header);
            }
        }
        assertThat(accepted).as("malformed traceparent headers accepted").isEmpty();
    }

    @Test
    void laterVersionsOfExactlyFourFieldsAreRead() {
        assertThat(TraceParent.parse("cc-" + TRACE + "-" + PARENT + "-09"))
                .as("a version-cc header of exactly four fields").contains(new SpanContext(TRACE, PARENT, null, 9));
        assertThat(TraceParent.parse("00-" + TRACE + "-" + PARENT + "-ff"))
                .as("flags ff (unknown bits kept as received)").contains(new SpanContext(TRACE, PARENT, null, 255));
    }

    @Test
    void flagsAreKeptAndWrittenAsTwoHexDigits() {
        IdSource ids = IdSource.seeded(4);
        SpanContext server = TraceParent.continueOrStart("00-" + TRACE + "-" + PARENT + "-00", ids);
        assertThat(server.flags()).as("flags of a span continuing an unsampled trace").isZero();
        assertThat(TraceParent.child(server, ids).flags()).as("flags of its child").isZero();
        assertThat(TraceParent.format(new SpanContext(TRACE, "53995c3f42cd8ad8", null, 0x1b)))
                .as("traceparent of a span with flags 0x1b").isEqualTo("00-" + TRACE + "-53995c3f42cd8ad8-1b");
        SpanContext fresh = TraceParent.continueOrStart(null, IdSource.seeded(8));
        IdSource same = IdSource.seeded(8);
        assertThat(fresh).as("server span for a request with no traceparent at all")
                .isEqualTo(new SpanContext(same.newTraceId(), same.newSpanId(), null, 1));
    }

    @Test
    void aLogLineEscapesEveryControlCharacter() throws Exception {
        SpanContext span = new SpanContext(TRACE, "53995c3f42cd8ad8", PARENT, 1);
        String message = "tab\there\r\nback\\slash \u0001 end";
        String line = LogLines.json(Instant.parse("2026-03-02T09:00:00Z"), "inventory", span, message);
        assertThat(line).as("log line").doesNotContain("\n").doesNotContain("\r");
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.path("message").asText()).as("message read back").isEqualTo(message);
        assertThat(json.path("service").asText()).as("service").isEqualTo("inventory");
        assertThat(json.path("span_id").asText()).as("span_id: the span's own id, not its parent's").isEqualTo("53995c3f42cd8ad8");
    }
}
