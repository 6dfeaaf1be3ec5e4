package workbook.observability;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static workbook.observability.Spans.span;

/** Hidden cases for Task 5: the slow boundary, a late child, the trace-id rule itself. */
@Task(5)
class HiddenTask5TailSamplingTest {
    static final String HIGH = "4bf92f3577b34da6ffffffffffffffff";

    @Test
    void aTraceExactlyAsLongAsTheThresholdIsKept() {
        TailSampler sampler = new TailSampler(Duration.ofMillis(500), 0.0);
        assertThat(sampler.keep(List.of(span(HIGH, "a000000000000001", null, "gateway GET /checkout", 0, 500, false))))
                .as("a 500 ms trace, the threshold being 500 ms").isTrue();
        assertThat(sampler.keep(List.of(span(HIGH, "a000000000000001", null, "gateway GET /checkout", 0, 499, false))))
                .as("a 499 ms trace at ratio 0").isFalse();
    }

    @Test
    void theTraceLastsUntilItsLastSpanEnds() {
        TailSampler sampler = new TailSampler(Duration.ofMillis(500), 0.0);
        List<Span> trace = List.of(
                span(HIGH, "a000000000000001", null, "gateway GET /checkout", 100, 200, false),
                span(HIGH, "a000000000000002", "a000000000000001", "gateway publish event", 150, 700, false));
        assertThat(sampler.keep(trace)).as("a trace whose root took 100 ms but whose last span ended 600 ms after it began").isTrue();
    }

    @Test
    void ordinaryTracesAreChosenByTheRandomBitsOfTheTraceId() {
        TailSampler sampler = new TailSampler(Duration.ofSeconds(1), 0.25);
        // the last 16 hex digits without their top bit, against 25% of the range (below 0x2000000000000000)
        String[] kept = {"ffffffffffffffff0000000000000001", "00000000000000001ffffffffffffffe", "00000000000000008000000000000005"};
        String[] dropped = {"00000000000000002000000000000000", "ffffffffffffffff7fffffffffffffff", "0000000000000000a000000000000000"};
        for (String id : kept) {
            assertThat(sampler.keep(List.of(span(id, "a000000000000001", null, "gateway GET /checkout", 0, 10, false))))
                    .as("an ordinary trace %s at ratio 0.25", id).isTrue();
        }
        for (String id : dropped) {
            assertThat(sampler.keep(List.of(span(id, "a000000000000001", null, "gateway GET /checkout", 0, 10, false))))
                    .as("an ordinary trace %s at ratio 0.25", id).isFalse();
        }
    }
}
