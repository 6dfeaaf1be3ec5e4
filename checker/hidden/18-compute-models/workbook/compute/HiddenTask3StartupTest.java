package workbook.compute;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

@Task(3)
class HiddenTask3StartupTest {

    @Test
    void mediansOfOddAndEvenCounts() {
        assertThat(StartupMeasurement.median(new long[]{5})).as("median of one").isEqualTo(5);
        assertThat(StartupMeasurement.median(new long[]{9, 1, 5, 3, 7})).as("median of five").isEqualTo(5);
        assertThat(StartupMeasurement.median(new long[]{1, 2, 100, 200, 3, 4})).as("median of six").isEqualTo(3);
        long[] values = {3, 1, 2};
        StartupMeasurement.median(values);
        assertThat(values).as("the caller's array after median").containsExactly(3, 1, 2);
    }

    @Test
    void oneColdRunAndManyWarmOnes() {
        ScriptedRuntime runtime = new ScriptedRuntime()
                .training(ScriptedRuntime.start(50, 900))
                .plain(ScriptedRuntime.start(600, 650))
                .archived(ScriptedRuntime.start(450, 33))
                .warm(1, 900_000, 7, 8, 9, 10, 900_000);
        StartupReport report = StartupMeasurement.measure(runtime, 1, 6);
        assertThat(runtime.calls).as("calls").containsExactly("newArchivePath", "training", "plain", "archived",
                "warm", "warm", "warm", "warm", "warm", "warm", "warm");
        assertThat(report.cold()).as("cold").isEqualTo(Duration.ofMillis(600));
        assertThat(report.archived()).as("archived, a training run faster than it does not count").isEqualTo(Duration.ofMillis(450));
        assertThat(report.warm()).as("warm: median of 900000, 7, 8, 9, 10, 900000 us").isEqualTo(Duration.ofNanos(9_500));
        assertThat(report.classesFromFilesCold()).as("classes, plain").isEqualTo(650);
        assertThat(report.classesFromFilesArchived()).as("classes, archived").isEqualTo(33);
    }

    @Test
    void oneColdRunAndOneWarmRun() {
        ScriptedRuntime runtime = new ScriptedRuntime()
                .training(ScriptedRuntime.start(50, 900))
                .plain(ScriptedRuntime.start(600, 650))
                .archived(ScriptedRuntime.start(450, 33))
                .warm(900_000, 42);
        StartupReport report = StartupMeasurement.measure(runtime, 1, 1);
        assertThat(report.warm()).as("warm: the one counted run, after the uncounted first").isEqualTo(Duration.ofNanos(42_000));
        assertThat(report.cold()).as("cold").isEqualTo(Duration.ofMillis(600));
    }
}
