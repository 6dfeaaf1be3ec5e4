package workbook.failing;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Task(1)
class HiddenTask1OutcomesTest {
    @Test
    void theRankIsRoundedUpNotToTheNearest() {
        Outcomes outcomes = new Outcomes();
        for (int ms = 100; ms >= 10; ms -= 10) {
            outcomes.record(200, Duration.ofMillis(ms));
        }
        assertThat(outcomes.percentile(91)).as("p91 of 10, 20, ... 100 ms: rank ceil(9.1) = 10").isEqualTo(Duration.ofMillis(100));
        assertThat(outcomes.percentile(90)).as("p90: rank 9").isEqualTo(Duration.ofMillis(90));
        assertThat(outcomes.percentile(11)).as("p11: rank ceil(1.1) = 2").isEqualTo(Duration.ofMillis(20));
        assertThat(outcomes.percentile(10)).as("p10: rank 1").isEqualTo(Duration.ofMillis(10));
    }

    @Test
    void keepsNanosecondsAndASingleRequest() {
        Outcomes outcomes = new Outcomes();
        outcomes.record(0, Duration.ofNanos(1_234_567));
        assertThat(outcomes.percentile(50)).as("p50 of one request of 1.234567 ms").isEqualTo(Duration.ofNanos(1_234_567));
        assertThat(outcomes.successRate()).as("success rate of one request without an answer").isEqualTo(0.0);
        assertThat(outcomes.successes()).isZero();
        assertThat(outcomes.count(0)).isEqualTo(1);
    }

    @Test
    void theEdgesOf2xx() {
        Outcomes outcomes = new Outcomes();
        for (int status : new int[]{199, 200, 299, 300, 100, 226}) {
            outcomes.record(status, Duration.ofMillis(5));
        }
        assertThat(outcomes.successes()).as("2xx among 199, 200, 299, 300, 100, 226").isEqualTo(3);
        assertThat(outcomes.successRate()).isEqualTo(0.5);
        assertThat(outcomes.total()).isEqualTo(6);
    }

    @Test
    void aPercentileOutsideZeroToAHundredIsRefused() {
        Outcomes outcomes = new Outcomes();
        outcomes.record(200, Duration.ofMillis(1));
        assertThatThrownBy(() -> outcomes.percentile(0)).as("p0").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> outcomes.percentile(100.5)).as("p100.5").isInstanceOf(IllegalArgumentException.class);
        assertThat(outcomes.percentile(100)).isEqualTo(Duration.ofMillis(1));
    }
}
