package workbook.measure;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Task(5)
class HiddenTask5SloCheckTest {
    private static final long MILLI = 1_000_000;

    @Test
    void aP99EqualToTheBudgetIsWithinIt() throws Exception {
        FakeTicker ticker = new FakeTicker();
        ScriptedTarget server = new ScriptedTarget(ticker, i -> 2 * MILLI);

        SloVerdict verdict = new SloCheck(ticker, Duration.ofMillis(2)).check(server, 100, 0, 100);

        assertThat(verdict.measuredMicros()).isEqualTo(2_000);
        assertThat(verdict.budgetMicros()).isEqualTo(2_000);
        assertThat(verdict.met()).as("p99 2 ms, budget 2 ms: %s", verdict).isTrue();
        assertThat(verdict.warmUpExcluded()).isZero();
        assertThat(server.calls()).as("no warm-up: only the 100 measured requests").isEqualTo(100);
    }

    @Test
    void oneMicrosecondOverTheBudgetMissesIt() throws Exception {
        FakeTicker ticker = new FakeTicker();
        ScriptedTarget server = new ScriptedTarget(ticker, i -> 1_501_000L);

        SloVerdict verdict = new SloCheck(ticker, Duration.ofNanos(1_500_000)).check(server, 100, 5, 200);

        assertThat(verdict.budgetMicros()).as("a budget of 1.5 ms in µs").isEqualTo(1_500);
        assertThat(verdict.measuredMicros()).isEqualTo(1_501);
        assertThat(verdict.met()).as("p99 1.501 ms, budget 1.5 ms: %s", verdict).isFalse();
        assertThat(verdict.sampleSize()).isEqualTo(200);
        assertThat(verdict.warmUpExcluded()).isEqualTo(5);
    }

    @Test
    void aSampleTooSmallForAP99IsRefused() throws Exception {
        FakeTicker ticker = new FakeTicker();
        ScriptedTarget server = new ScriptedTarget(ticker, i -> MILLI);
        SloCheck check = new SloCheck(ticker, Duration.ofMillis(10));

        assertThatThrownBy(() -> check.check(server, 100, 10, 99)).isInstanceOf(IllegalArgumentException.class);
        assertThat(server.calls()).as("requests sent before refusing").isZero();
        assertThat(check.check(server, 100, 0, 100).sampleSize()).isEqualTo(100);
    }

    @Test
    void theMeasuredRequestsStartOnAScheduleOfTheirOwn() throws Exception {
        FakeTicker ticker = new FakeTicker();
        // a warm-up that falls 40 ms further behind with each request; the measured ones take 1 ms
        ScriptedTarget server = new ScriptedTarget(ticker, i -> i < 10 ? 50 * MILLI : MILLI);

        SloVerdict verdict = new SloCheck(ticker, Duration.ofMillis(5)).check(server, 100, 10, 300);

        assertThat(verdict.measuredMicros()).as("p99 of the measured requests: %s", verdict).isEqualTo(1_000);
        assertThat(server.sentAt().get(11) - server.sentAt().get(10)).as("the second measured request is sent 10 ms after the first")
                .isEqualTo(10 * MILLI);
    }
}
