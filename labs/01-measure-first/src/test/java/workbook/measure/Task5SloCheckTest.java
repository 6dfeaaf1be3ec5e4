package workbook.measure;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static workbook.measure.Recorded.MS;
import static workbook.measure.Recorded.reported;

@Task(5)
class Task5SloCheckTest {
    private static final long MILLI = 1_000_000;

    /** On a fake clock: the first 100 requests are cold (50 ms each), the next 1,000 warm (2 ms each). */
    @Test
    void theWarmUpIsSentButNotJudged() throws Exception {
        FakeTicker ticker = new FakeTicker();
        ScriptedTarget server = new ScriptedTarget(ticker, i -> i < 100 ? 50 * MILLI : 2 * MILLI);

        SloVerdict verdict = new SloCheck(ticker, Duration.ofMillis(10)).check(server, 100, 100, 1_000);

        assertThat(server.calls()).as("requests sent: 100 warm-up + 1,000 measured").isEqualTo(1_100);
        assertThat(verdict.sampleSize()).as("the sample the p99 was computed from: the 1,000 measured requests only; %s", verdict)
                .isEqualTo(1_000);
        assertThat(verdict.warmUpExcluded()).as("warm-up requests excluded; %s", verdict).isEqualTo(100);
        assertThat(verdict.statistic()).as("the statistic judged; %s", verdict).isEqualTo("p99");
        assertThat(verdict.measuredMicros()).as("p99 of the warm requests; %s", verdict).isEqualTo(reported(2 * MS));
        assertThat(verdict.budgetMicros()).as("the budget, in µs").isEqualTo(10 * MS);
        assertThat(verdict.met()).as("a p99 of 2 ms within a 10 ms budget; %s", verdict).isTrue();
    }

    private static final int RATE = 400;
    private static final int WARM_UP = 50;
    private static final int MEASURED = 200;
    private static final Duration BUDGET = Duration.ofMillis(100);

    @Test
    void aStallDuringTheTestMissesTheSlo() throws Exception {
        try (LabServer server = LabServer.start(1)) {
            server.route("/work", new StallOnce(WARM_UP + 60, Duration.ofMillis(400), Duration.ZERO));

            SloVerdict verdict = new SloCheck(Ticker.system(), BUDGET).check(Target.get(server.uri("/work")), RATE, WARM_UP, MEASURED);

            assertThat(verdict.met())
                    .as("the server stalled 400 ms in the middle of the measured requests, at %d per second; every request "
                            + "due in those 400 ms waited, so the p99 is far over its 100 ms budget. Your check said: %s",
                            RATE, verdict)
                    .isFalse();
            assertThat(verdict.statistic()).as("the statistic judged; %s", verdict).isEqualTo("p99");
            assertThat(verdict.measuredMicros()).as("the measured p99; %s", verdict).isGreaterThanOrEqualTo(300 * MS);
            assertThat(verdict.sampleSize()).as("sample size; %s", verdict).isEqualTo(MEASURED);
        }
    }
}
