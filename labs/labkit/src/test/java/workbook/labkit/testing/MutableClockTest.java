package workbook.labkit.testing;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MutableClockTest {
    @Test
    void standsStillUntilAdvanced() {
        MutableClock clock = MutableClock.at(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(clock.instant()).isEqualTo(clock.instant());
        clock.advance(Duration.ofSeconds(61));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-01T00:01:01Z"));
        clock.advanceMillis(500);
        assertThat(clock.millis()).isEqualTo(Instant.parse("2026-01-01T00:01:01.500Z").toEpochMilli());
    }

    @Test
    void refusesToGoBackwards() {
        assertThatThrownBy(() -> MutableClock.startingAtEpochMinute().advance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
