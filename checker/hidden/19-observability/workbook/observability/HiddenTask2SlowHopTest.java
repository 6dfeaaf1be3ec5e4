package workbook.observability;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static workbook.observability.Spans.ms;
import static workbook.observability.Spans.span;

/** Hidden cases for Task 2: children outliving their parent, a long early child, gaps between children. */
@Task(2)
class HiddenTask2SlowHopTest {
    @Test
    void aChildThatOutlivesItsParentIsClipped() {
        List<Span> trace = List.of(
                span("e000000000000001", null, "gateway GET /checkout", 0, 100),
                span("e000000000000002", "e000000000000001", "gateway publish event", 80, 400),
                span("e000000000000003", "e000000000000001", "gateway GET /price", 10, 30));
        assertThat(TraceAnalysis.selfTimes(trace)).as("self times of a 100 ms span whose children ran 10-30 ms and "
                        + "80-400 ms (the second one after the parent ended)")
                .containsEntry("e000000000000001", ms(60)).containsEntry("e000000000000002", ms(320)).containsEntry("e000000000000003", ms(20));
    }

    @Test
    void gapsAndNestedOverlapsAreCountedOnce() {
        List<Span> trace = List.of(
                span("f000000000000001", null, "orders GET /orders", 0, 1000),
                span("f000000000000002", "f000000000000001", "orders SELECT a", 100, 600),
                span("f000000000000003", "f000000000000001", "orders SELECT b", 200, 300),
                span("f000000000000004", "f000000000000001", "orders SELECT c", 700, 800),
                span("f000000000000005", "f000000000000001", "orders SELECT d", 750, 900));
        assertThat(TraceAnalysis.selfTimes(trace).get("f000000000000001"))
                .as("self time of a 1000 ms span with children 100-600, 200-300, 700-800, 750-900 ms").isEqualTo(ms(300));
        assertThat(TraceAnalysis.slowestBySelfTime(trace).spanId()).as("slowest span by self time").isEqualTo("f000000000000002");
    }

    @Test
    void theCriticalPathTakesTheChildThatEndedLastNotTheLongest() {
        List<Span> trace = List.of(
                span("9000000000000001", "1111111111111111", "gateway GET /checkout", 0, 1000),
                span("9000000000000002", "9000000000000001", "orders GET /orders", 10, 700),
                span("9000000000000003", "9000000000000001", "pricing GET /price", 750, 990),
                span("9000000000000004", "9000000000000003", "pricing SELECT price", 760, 800),
                span("9000000000000005", "9000000000000003", "pricing GET /rates", 810, 980));
        assertThat(TraceAnalysis.criticalPath(trace)).extracting(Span::spanId)
                .as("critical path when a long call (10-700 ms) is followed by a shorter one that ends last (750-990 ms)")
                .containsExactly("9000000000000001", "9000000000000003", "9000000000000005");
    }

    @Test
    void theRootIsFoundByItsParentEvenWhenAChildsClockRunsBehind() {
        // orders' clock is 40 ms behind the gateway's, so its span appears to start before its parent's
        List<Span> trace = List.of(
                span("a000000000000001", null, "gateway GET /checkout", 0, 500),
                span("a000000000000002", "a000000000000001", "orders GET /orders", -30, 400),
                span("a000000000000003", "a000000000000002", "orders SELECT order", 100, 350));
        assertThat(TraceAnalysis.criticalPath(trace)).extracting(Span::spanId)
                .as("critical path when the child's clock is behind and its span starts 30 ms before the root's")
                .containsExactly("a000000000000001", "a000000000000002", "a000000000000003");
    }
}

