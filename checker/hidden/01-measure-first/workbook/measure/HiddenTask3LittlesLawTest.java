package workbook.measure;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

@Task(3)
class HiddenTask3LittlesLawTest {

    @Test
    void aFractionOfAWorkerStillNeedsAWholeOne() {
        assertThat(LittlesLaw.workersFor(10, Duration.ofMillis(30))).as("0.3 workers' worth").isEqualTo(1);
        assertThat(LittlesLaw.workersFor(1_000, Duration.ofMillis(2))).as("exactly 2").isEqualTo(2);
        assertThat(LittlesLaw.workersFor(1_001, Duration.ofMillis(2))).as("2.002").isEqualTo(3);
    }

    @Test
    void timesBelowAMillisecondCount() {
        assertThat(LittlesLaw.concurrency(1_000, Duration.ofNanos(1_500_000))).isCloseTo(1.5, within(1e-9));
        assertThat(LittlesLaw.maxThroughput(1, Duration.ofNanos(1_500_000))).isCloseTo(666.666_666, within(1e-3));
        assertThat(LittlesLaw.maxThroughput(2, Duration.ofNanos(250_000))).isCloseTo(8_000, within(1e-6));
        assertThat(LittlesLaw.workersFor(1_000, Duration.ofNanos(2_500_000))).isEqualTo(3);
    }

    @Test
    void aServerWithoutWorkersOrWithoutWorkIsRefused() {
        assertThatThrownBy(() -> LittlesLaw.maxThroughput(0, Duration.ofMillis(20))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LittlesLaw.maxThroughput(4, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LittlesLaw.maxThroughput(4, Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(LittlesLaw.maxThroughput(1, Duration.ofNanos(1))).as("one worker, 1 ns per request").isEqualTo(1e9);
    }
}
