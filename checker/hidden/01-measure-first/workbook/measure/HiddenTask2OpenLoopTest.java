package workbook.measure;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

@Task(2)
class HiddenTask2OpenLoopTest {

    @Test
    void aRateThatIsNotAWholeNumberOfMillisecondsKeepsItsSchedule() throws Exception {
        FakeTicker ticker = new FakeTicker();
        ScriptedTarget server = new ScriptedTarget(ticker, i -> 0);

        new OpenLoopGenerator(ticker).run(server, 300, 301);

        List<Long> sent = server.sentAt();
        assertThat(sent).hasSize(301);
        assertThat(sent.get(1)).as("request 1 at 300 per second is due after 3.333 ms").isCloseTo(3_333_333L, within(1_000L));
        assertThat(sent.get(3)).as("request 3 is due after 10 ms").isCloseTo(10_000_000L, within(1_000L));
        assertThat(sent.get(300)).as("request 300 is due after exactly 1 s").isCloseTo(1_000_000_000L, within(1_000L));
    }

    @Test
    void aSlowServerNeverMakesTheScheduleLaterThanItWas() throws Exception {
        FakeTicker ticker = new FakeTicker();
        // 20 requests at 200 per second (every 5 ms); request 0 stalls 100 ms, the others take 1 ms
        ScriptedTarget server = new ScriptedTarget(ticker, i -> i == 0 ? 100_000_000L : 1_000_000L);

        Histogram latencies = new OpenLoopGenerator(ticker).run(server, 200, 20);

        assertThat(server.sentAt().get(1)).as("request 1 is sent as soon as request 0 returns").isEqualTo(100_000_000L);
        assertThat(latencies.getMaxValue()).as("request 0 waited its own 100 ms").isEqualTo(Recorded.reported(100_000));
        assertThat(latencies.getTotalCount()).isEqualTo(20);
        // request 19 is due at 95 ms but sent at 118 ms (after 100 ms + 18 x 1 ms): waited 23 ms + 1 ms
        assertThat(server.sentAt().get(19)).isEqualTo(118_000_000L);
        assertThat(Recorded.values(latencies).get(0)).as("the least-late request: 19, due at 95 ms, answered at 119 ms")
                .isEqualTo(Recorded.reported(24_000));
    }

    @Test
    void badArgumentsAreRefusedBeforeAnythingIsSent() {
        FakeTicker ticker = new FakeTicker();
        ScriptedTarget server = new ScriptedTarget(ticker, i -> 0);
        OpenLoopGenerator generator = new OpenLoopGenerator(ticker);

        assertThatThrownBy(() -> generator.run(server, 100, 0)).as("no requests").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> generator.run(server, 0, 10)).as("a rate of 0").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> generator.run(server, -5, 10)).as("a negative rate").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> generator.run(server, Double.NaN, 10)).as("a rate that is not a number").isInstanceOf(IllegalArgumentException.class);
        assertThat(server.calls()).as("requests sent").isZero();
    }

    @Test
    void oneRequestIsSentAtOnce() throws Exception {
        FakeTicker ticker = new FakeTicker();
        ScriptedTarget server = new ScriptedTarget(ticker, i -> 3_000_000L);

        Histogram latencies = new OpenLoopGenerator(ticker).run(server, 0.5, 1);

        assertThat(server.sentAt()).containsExactly(0L);
        assertThat(latencies.getMaxValue()).isEqualTo(Recorded.reported(3_000));
        assertThat(ticker.nanoTime() - FakeTicker.START).as("the run took the request's 3 ms and no more").isEqualTo(3_000_000L);
    }
}
