package workbook.observability;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Hidden cases for Task 4: another SLO, a slow burn only the 6-hour rule sees, a partial outage. */
@Task(4)
class HiddenTask4SloAlertTest {
    static final Instant START = Instant.parse("2026-05-10T22:00:00Z");
    static final Duration EVERY = Duration.ofSeconds(10);

    @Test
    void theBudgetComesFromTheSlo() {
        // A 99% SLO: budget 1%, so the 1-hour rule pages above 14.4% errors; 10% errors for 20 minutes must not page it...
        RequestStream stream = new RequestStream(START, Duration.ofHours(8), 4, 0.001, 41)
                .with(new RequestStream.Incident("10% for 20 min", Duration.ofMinutes(380), Duration.ofMinutes(20), 0.10, false));
        AlertReplay.Result replay = AlertReplay.run(new ErrorRateAlert(0.99), stream, EVERY);
        assertThat(replay.pages()).as("pages for 20 minutes at 10%% errors against a 99%% SLO (pages: %s)", replay.pages()).isEmpty();
        // ...while the same stream pages against 99.9%.
        AlertReplay.Result strict = AlertReplay.run(new ErrorRateAlert(0.999), stream, EVERY);
        assertThat(strict.pages()).as("pages for the same stream against a 99.9%% SLO (pages: %s)", strict.pages()).hasSize(1);
    }

    @Test
    void aSlowBurnIsCaughtByTheSixHourRule() {
        // 1% errors: a burn rate of 10, below the 1-hour rule's 14.4, above the 6-hour rule's 6.
        RequestStream.Incident slowBurn = new RequestStream.Incident("1% for 5 h", Duration.ofHours(6), Duration.ofHours(5), 0.01, true);
        RequestStream stream = new RequestStream(START, Duration.ofHours(12), 2, 0.0001, 43).with(slowBurn);
        AlertReplay.Result replay = AlertReplay.run(new ErrorRateAlert(0.999), stream, Duration.ofMinutes(1));
        Duration delay = replay.detectionDelay(slowBurn);
        assertThat(delay).as("delay before a page for 1%% errors sustained (pages: %s)", replay.pages()).isNotNull();
        assertThat(delay).as("delay before a page for 1% errors: the 6-hour window passes 0.6% after about 3.6 hours")
                .isBetween(Duration.ofMinutes(200), Duration.ofMinutes(250));
        assertThat(replay.falseAlerts()).as("false pages").isZero();
    }

    @Test
    void aPartialOutageIsCaughtWithinTenMinutes() {
        RequestStream.Incident partial = new RequestStream.Incident("10% errors", Duration.ofMinutes(400), Duration.ofMinutes(30), 0.10, true);
        RequestStream stream = new RequestStream(START, Duration.ofHours(8), 5, 0.0002, 47).with(partial);
        AlertReplay.Result replay = AlertReplay.run(new ErrorRateAlert(0.999), stream, EVERY);
        Duration delay = replay.detectionDelay(partial);
        assertThat(delay).as("delay before a page for 10%% errors (pages: %s)", replay.pages()).isNotNull();
        assertThat(delay).as("delay before a page for 10% errors: the 1-hour window passes 1.44% after about 8.6 minutes")
                .isBetween(Duration.ofMinutes(8), Duration.ofMinutes(10));
        assertThat(replay.pages()).as("pages").hasSize(1);
    }
}
