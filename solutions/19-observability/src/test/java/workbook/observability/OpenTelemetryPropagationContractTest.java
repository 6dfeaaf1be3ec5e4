package workbook.observability;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenTelemetry Java SDK, the production library for Task 1, run against the lab's propagation
 * contract: the same headers accepted and rejected, a server span that continues the caller's trace
 * (checked in the SDK's in-memory exporter), a malformed header that starts a new trace, and the
 * traceparent it sends downstream.
 */
@Task(1)
class OpenTelemetryPropagationContractTest {
    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<Map<String, String>> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final SdkTracerProvider provider = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
    private final Tracer tracer = provider.get("workbook-lab-19");

    @AfterEach
    void close() {
        provider.close();
    }

    private static Context extract(String traceparent) {
        return W3C.extract(Context.root(), Map.of(TraceParent.HEADER, traceparent), HEADERS);
    }

    @Test
    void theSdkAcceptsAndRejectsWhatTheLabDoes() {
        List<String> headers = List.of(Task1TraceContextTest.EXAMPLE,
                "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00",
                "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
                "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
                "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-00",
                "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-what-the-future-adds");
        for (String header : headers) {
            var sdk = io.opentelemetry.api.trace.Span.fromContext(extract(header)).getSpanContext();
            var lab = TraceParent.parse(header);
            assertThat(sdk.isValid()).as("OpenTelemetry accepts %s", header).isEqualTo(lab.isPresent());
            lab.ifPresent(caller -> {
                assertThat(sdk.getTraceId()).as("trace id of %s", header).isEqualTo(caller.traceId());
                assertThat(sdk.getSpanId()).as("parent-id of %s", header).isEqualTo(caller.spanId());
                assertThat(sdk.getTraceFlags().isSampled()).as("sampled flag of %s", header).isEqualTo(caller.sampled());
            });
        }
    }

    @Test
    void aServerSpanContinuesTheCallersTraceAndIsSentDownstream() {
        var server = tracer.spanBuilder("GET /checkout").setSpanKind(SpanKind.SERVER).setParent(extract(Task1TraceContextTest.EXAMPLE)).startSpan();
        Map<String, String> outgoing = new HashMap<>();
        W3C.inject(Context.root().with(server), outgoing, Map::put);
        server.end();

        SpanData recorded = exporter.getFinishedSpanItems().get(0);
        SpanContext lab = TraceParent.continueOrStart(Task1TraceContextTest.EXAMPLE, IdSource.seeded(1));
        assertThat(recorded.getTraceId()).as("the SDK's server span: trace id").isEqualTo(lab.traceId());
        assertThat(recorded.getParentSpanId()).as("its parent, the caller's span").isEqualTo(lab.parentSpanId());
        assertThat(outgoing.get(TraceParent.HEADER)).as("the traceparent it sends downstream, as TraceParent.format writes it")
                .isEqualTo(TraceParent.format(new SpanContext(recorded.getTraceId(), recorded.getSpanId(), null, 1)));
    }

    @Test
    void aMalformedHeaderStartsANewTrace() {
        var server = tracer.spanBuilder("GET /checkout").setSpanKind(SpanKind.SERVER)
                .setParent(extract("00-00000000000000000000000000000000-00f067aa0ba902b7-01")).startSpan();
        server.end();
        SpanData recorded = exporter.getFinishedSpanItems().get(0);
        assertThat(recorded.getParentSpanContext().isValid()).as("the server span of a request with an all-zero trace-id has a parent").isFalse();
        assertThat(recorded.getTraceId()).as("its trace id").isNotEqualTo("00000000000000000000000000000000").hasSize(32);
    }
}
