package workbook.observability;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

@Task(4)
class Task4SloAlertTest {
    static final Instant START = Instant.parse("2026-03-02T06:00:00Z");
    static final Duration EVERY = Duration.ofSeconds(10);
    static final double SLO = 0.999;

    /**
     * Nine hours at 5 requests a second with 0.02% errors, the SLO allowing 0.1%. The incidents come
     * after the first 6 hours, so that every window of the alert is full when they start.
     */
    static RequestStream quiet(long seed) {
        return new RequestStream(START, Duration.ofHours(9), 5, 0.0002, seed);
    }

    static final RequestStream.Incident BLIP = new RequestStream.Incident("30 s blip", Duration.ofMinutes(400), Duration.ofSeconds(30), 1.0, false);
    static final RequestStream.Incident SHORT_SPIKE = new RequestStream.Incident("2 min at 5%", Duration.ofMinutes(440), Duration.ofMinutes(2), 0.05, false);
    static final RequestStream.Incident OUTAGE = new RequestStream.Incident("outage", Duration.ofMinutes(480), Duration.ofMinutes(15), 1.0, true);

    @Test
    void blipsDoNotPage() {
        AlertReplay.Result replay = AlertReplay.run(new ErrorRateAlert(SLO), quiet(1).with(BLIP).with(SHORT_SPIKE), EVERY);
        assertThat(replay.falseAlerts()).as("pages over 9 hours with a 30 s blip of 100%% errors and 2 minutes at 5%%, "
                + "neither of which burns 2%% of a 30-day error budget (pages: %s)", replay.pages()).isZero();
    }

    @Test
    void anOutagePagesWithinAMinuteAndStopsSoonAfterItEnds() {
        AlertReplay.Result replay = AlertReplay.run(new ErrorRateAlert(SLO), quiet(2).with(BLIP).with(OUTAGE), EVERY);
        assertThat(replay.detectionDelay(OUTAGE)).as("time from the start of a 100%%-error outage to the page (pages: %s); "
                + "the 1 h window reaches 14.4 x 0.1%% after about 52 s", replay.pages()).isEqualTo(Duration.ofSeconds(60));
        assertThat(replay.falseAlerts()).as("pages outside the outage (pages: %s)", replay.pages()).isZero();
        Duration reset = replay.resetDelay(OUTAGE);
        assertThat(reset).as("time from the end of the outage to the end of its page (pages: %s): the short windows "
                + "stop the page once the outage has left the 30-minute window; null means it never stopped", replay.pages())
                .isEqualTo(Duration.ofMinutes(29).plusSeconds(50));
    }

    @Test
    void theOneMinuteRuleIsWhatPagesOnTheBlip() {
        // Not your code's test: it shows why the starter's rule had to go. It pages on noise.
        RequestStream stream = quiet(1).with(BLIP).with(SHORT_SPIKE);
        AlertReplay.Result ruleOfThumb = AlertReplay.run(new OneMinuteErrorRate(), stream, EVERY);
        AlertReplay.Result yours = AlertReplay.run(new ErrorRateAlert(SLO), stream, EVERY);
        assertThat(ruleOfThumb.falseAlerts()).as("false pages of \"more than 1% over one minute\"").isGreaterThanOrEqualTo(2);
        assertThat(yours.falseAlerts()).as("false pages of your ErrorRateAlert on the same stream (pages: %s)", yours.pages()).isZero();
    }
}
