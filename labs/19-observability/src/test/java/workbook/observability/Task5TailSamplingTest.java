package workbook.observability;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static workbook.observability.Spans.span;

@Task(5)
class Task5TailSamplingTest {
    static final Duration SLOW = Duration.ofMillis(500);

    /** A two-span trace: gateway for {@code ms}, orders inside it, the orders span failed or not. */
    static List<Span> trace(String traceId, long ms, boolean error) {
        return List.of(span(traceId, "d000000000000001", null, "gateway GET /checkout", 100, 100 + ms, false),
                span(traceId, "d000000000000002", "d000000000000001", "orders GET /orders", 110, 100 + ms - 5, error));
    }

    @Test
    void everyErrorAndEverySlowTraceIsKeptAndOnePercentOfTheRest() {
        TailSampler sampler = new TailSampler(SLOW, 0.01);
        IdSource ids = IdSource.seeded(5);
        Random random = new Random(5);
        int errors = 0;
        int slow = 0;
        int keptErrors = 0;
        int keptSlow = 0;
        int ordinary = 0;
        int keptOrdinary = 0;
        for (int i = 0; i < 20_000; i++) {
            boolean error = random.nextInt(100) == 0;
            boolean isSlow = random.nextInt(50) == 0;
            List<Span> trace = trace(ids.newTraceId(), isSlow ? 500 + random.nextInt(2000) : 20 + random.nextInt(470), error);
            boolean kept = sampler.keep(trace);
            if (error) {
                errors++;
                keptErrors += kept ? 1 : 0;
            } else if (isSlow) {
                slow++;
                keptSlow += kept ? 1 : 0;
            } else {
                ordinary++;
                keptOrdinary += kept ? 1 : 0;
            }
        }
        assertThat(keptErrors).as("traces with an error kept, of %d", errors).isEqualTo(errors);
        assertThat(keptSlow).as("slow traces (500 ms or more) kept, of %d", slow).isEqualTo(slow);
        assertThat(keptOrdinary).as("ordinary traces kept, of %d, at a 1%% ratio", ordinary).isBetween(150, 240);
    }

    @Test
    void theDecisionDependsOnTheTraceIdAlone() {
        IdSource ids = IdSource.seeded(11);
        List<String> keptByOne = new ArrayList<>();
        List<String> keptByOther = new ArrayList<>();
        TailSampler one = new TailSampler(SLOW, 0.1);
        TailSampler other = new TailSampler(SLOW, 0.1);
        for (int i = 0; i < 2_000; i++) {
            String traceId = ids.newTraceId();
            if (one.keep(trace(traceId, 30, false))) {
                keptByOne.add(traceId);
            }
            if (other.keep(trace(traceId, 80, false))) {
                keptByOther.add(traceId);
            }
        }
        assertThat(keptByOne).as("ordinary traces two collectors keep at 10%: the same trace ids, so that the spans of one "
                + "trace sent to two collectors are kept together or dropped together").isEqualTo(keptByOther).hasSizeBetween(150, 250);
    }
}
