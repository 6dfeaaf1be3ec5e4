package workbook.measure;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

/**
 * The production answer to Task 2 when the generator cannot be changed: HdrHistogram corrects a
 * closed loop's histogram after the fact, given the interval at which requests were expected
 * ({@code copyCorrectedForCoordinatedOmission}). On the same fake server, the corrected closed loop
 * and the open-loop generator tell the same story.
 */
@Task(2)
class HdrHistogramCorrectionTest {
    private static final long MILLI = 1_000_000;
    private static final int RATE = 100;
    private static final long EXPECTED_INTERVAL_MICROS = 1_000_000 / RATE;

    /** 1,000 requests of 1 ms; request 100 stalls for 500 ms. */
    private static ScriptedTarget server(FakeTicker ticker) {
        return new ScriptedTarget(ticker, i -> i == 100 ? 500 * MILLI : MILLI);
    }

    @Test
    void correctingTheClosedLoopAfterTheFactRecoversTheTail() throws Exception {
        FakeTicker closedTicker = new FakeTicker();
        Histogram closed = new ClosedLoopGenerator(closedTicker).run(server(closedTicker), 1, 1_000);
        FakeTicker openTicker = new FakeTicker();
        Histogram open = new OpenLoopGenerator(openTicker).run(server(openTicker), RATE, 1_000);

        Histogram corrected = closed.copyCorrectedForCoordinatedOmission(EXPECTED_INTERVAL_MICROS);

        assertThat(closed.getValueAtPercentile(99)).as("raw closed-loop p99: the stall is one value in 1,000").isEqualTo(1_000);
        assertThat(corrected.getTotalCount()).as("the correction adds the requests the closed loop never sent")
                .isGreaterThan(closed.getTotalCount());
        assertThat((double) corrected.getValueAtPercentile(99)).as("corrected p99 against the open loop's p99 (%s)",
                Recorded.ms(open.getValueAtPercentile(99))).isCloseTo(open.getValueAtPercentile(99), withinPercentage(10));
        assertThat(corrected.getMaxValue()).as("max").isEqualTo(open.getMaxValue());
    }
}
