package workbook.pooling;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Task(3)
class HiddenTask3PoolSizingTest {

    @Test
    void littlesLawWithSubMillisecondTimes() {
        assertThat(PoolSizing.connectionsFor(2000, Duration.ofNanos(1_500_000))).as("2000/s x 1.5 ms").isEqualTo(3);
        assertThat(PoolSizing.connectionsFor(1500, Duration.ofNanos(10_000_000))).as("1500/s x 10 ms").isEqualTo(15);
        assertThat(PoolSizing.connectionsFor(100, Duration.ofMillis(31))).as("100/s x 31 ms = 3.1").isEqualTo(4);
        assertThat(PoolSizing.connectionsFor(1000, Duration.ofMillis(1))).as("1000/s x 1 ms").isEqualTo(1);
        assertThat(PoolSizing.connectionsFor(0.5, Duration.ofSeconds(3))).as("0.5/s x 3 s").isEqualTo(2);
        assertThat(PoolSizing.connectionsFor(10_000, Duration.ofSeconds(2))).as("10000/s x 2 s").isEqualTo(20_000);
        assertThat(PoolSizing.connectionsFor(1e-9, Duration.ofNanos(1))).as("almost nothing").isEqualTo(1);
    }

    @Test
    void nonsenseInputsAreRefused() {
        assertThatThrownBy(() -> PoolSizing.connectionsFor(-5, Duration.ofMillis(20))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PoolSizing.connectionsFor(Double.NaN, Duration.ofMillis(20))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PoolSizing.connectionsFor(100, Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(PoolSizing.connectionsFor(Double.MIN_VALUE, Duration.ofMillis(1))).isEqualTo(1);
    }

    @Test
    void theServersLimitAtItsEdges() {
        assertThat(PoolSizing.perInstance(100, 0, 1)).isEqualTo(100);
        assertThat(PoolSizing.perInstance(100, 0, 100)).isEqualTo(1);
        assertThat(PoolSizing.perInstance(25, 5, 3)).as("20 usable among 3").isEqualTo(6);
        assertThat(PoolSizing.perInstance(23, 3, 4)).as("20 usable among 4").isEqualTo(5);
        assertThatThrownBy(() -> PoolSizing.perInstance(100, 0, 101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PoolSizing.perInstance(100, 10, 0)).as("no instances").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PoolSizing.perInstance(10, 10, 1)).as("everything reserved").isInstanceOf(IllegalArgumentException.class);
    }
}
