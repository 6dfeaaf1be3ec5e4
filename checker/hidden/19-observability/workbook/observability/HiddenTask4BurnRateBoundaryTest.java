package workbook.observability;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hidden cases for Task 4: a window exactly at its threshold does not fire ("exceeds"), one request
 * more does. A 93.75% SLO makes the budget 1/16, so the thresholds are exact doubles: 0.9 for the
 * 1-hour rule (14.4 / 16) and 0.375 for the 6-hour rule (6 / 16).
 */
@Task(4)
class HiddenTask4BurnRateBoundaryTest {
    static final double SLO = 0.9375;
    static final Instant NOW = Instant.parse("2026-07-01T12:00:00Z");

    private final ErrorRateAlert alert = new ErrorRateAlert(SLO);

    private void record(Duration ago, int errors, int successes) {
        for (int i = 0; i < errors; i++) {
            alert.record(NOW.minus(ago), true);
        }
        for (int i = 0; i < successes; i++) {
            alert.record(NOW.minus(ago), false);
        }
    }

    private void oneMoreErrorThenFiring(String what) {
        alert.record(NOW, true);
        assertThat(alert.firing(NOW)).as("%s, after one more error", what).isTrue();
    }

    @Test
    void theHourExactlyAtTheThresholdDoesNotFire() {
        record(Duration.ofMinutes(50), 170, 0);
        record(Duration.ofMinutes(20), 0, 20);
        record(Duration.ofMinutes(1), 10, 0);
        assertThat(alert.firing(NOW)).as("1 h window at exactly 0.9 (180/200), 5 min window at 1.0, 30 min window at 0.33").isFalse();
        oneMoreErrorThenFiring("1 h window above 0.9");
    }

    @Test
    void theFiveMinutesExactlyAtTheThresholdDoNotFire() {
        record(Duration.ofMinutes(50), 200, 0);
        record(Duration.ofMinutes(20), 0, 15);
        record(Duration.ofMinutes(1), 9, 1);
        assertThat(alert.firing(NOW)).as("5 min window at exactly 0.9 (9/10), 1 h window at 0.93, 30 min window at 0.36").isFalse();
        oneMoreErrorThenFiring("5 min window above 0.9");
    }

    @Test
    void sixHoursExactlyAtTheThresholdDoNotFire() {
        record(Duration.ofHours(5), 10, 20);
        record(Duration.ofMinutes(20), 5, 5);
        assertThat(alert.firing(NOW)).as("6 h window at exactly 0.375 (15/40), 30 min window at 0.5, nothing in the last 5 min").isFalse();
        oneMoreErrorThenFiring("6 h window above 0.375");
    }

    @Test
    void thirtyMinutesExactlyAtTheThresholdDoNotFire() {
        record(Duration.ofHours(5), 10, 0);
        record(Duration.ofMinutes(20), 3, 5);
        assertThat(alert.firing(NOW)).as("30 min window at exactly 0.375 (3/8), 6 h window at 0.72, nothing in the last 5 min").isFalse();
        oneMoreErrorThenFiring("30 min window above 0.375");
    }

    @Test
    void requestsOlderThanSixHoursAreForgotten() {
        record(Duration.ofHours(7), 0, 1000);
        record(Duration.ofMinutes(20), 1, 1);
        assertThat(alert.firing(NOW)).as("1 error in 2 requests in the last 30 minutes, 1000 successes 7 hours ago (outside every window)").isTrue();
    }
}
