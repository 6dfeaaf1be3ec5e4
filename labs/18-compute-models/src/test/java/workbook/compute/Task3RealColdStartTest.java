package workbook.compute;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Task(3)
class Task3RealColdStartTest {

    @Test
    void theArchiveOptionsAreTheHotSpotOnes() {
        Path archive = Path.of("/tmp/x/handler.jsa");
        assertThat(StartupMeasurement.writeArchive(archive)).as("options of the training run (JDK 13+ dynamic archiving)")
                .containsExactly("-XX:ArchiveClassesAtExit=/tmp/x/handler.jsa");
        assertThat(StartupMeasurement.useArchive(archive)).as("options of a start from the archive; -Xshare:on makes the JVM "
                + "fail instead of quietly starting without an archive it cannot use")
                .containsExactlyInAnyOrder("-XX:SharedArchiveFile=/tmp/x/handler.jsa", "-Xshare:on");
    }

    @Test
    void theMedianIsTheMiddleOfTheSortedValues() {
        assertThat(StartupMeasurement.median(new long[]{30, 10, 20})).as("median of 30, 10, 20").isEqualTo(20);
        assertThat(StartupMeasurement.median(new long[]{40, 10, 30, 20})).as("median of 4 values: mean of 20 and 30").isEqualTo(25);
        assertThat(StartupMeasurement.median(new long[]{7, 4})).as("median of 7 and 4, rounded down").isEqualTo(5);
        assertThatThrownBy(() -> StartupMeasurement.median(new long[0])).as("median of nothing").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTrainingRunComesFirstAndOnlyMediansAreReported() {
        ScriptedRuntime runtime = new ScriptedRuntime()
                .training(ScriptedRuntime.start(9_000, 700))
                .plain(ScriptedRuntime.start(300, 700), ScriptedRuntime.start(500, 702), ScriptedRuntime.start(400, 698))
                .archived(ScriptedRuntime.start(250, 40), ScriptedRuntime.start(200, 44), ScriptedRuntime.start(900, 41))
                .warm(80_000, 2_000, 3_000, 1_000);
        StartupReport report = StartupMeasurement.measure(runtime, 3, 3);
        assertThat(runtime.calls).as("the runtime's calls, in order: the archive first, then plain and archived starts "
                + "alternated, then warm calls (one of them a warm-up)")
                .containsExactly("newArchivePath", "training", "plain", "archived", "plain", "archived", "plain", "archived",
                        "warm", "warm", "warm", "warm");
        assertThat(report.cold()).as("median of the plain cold starts 300, 500, 400 ms").isEqualTo(Duration.ofMillis(400));
        assertThat(report.archived()).as("median of the archived starts 250, 200, 900 ms (the 9 s training run is not one "
                + "of them)").isEqualTo(Duration.ofMillis(250));
        assertThat(report.warm()).as("median of the warm calls 2, 3, 1 ms; the first call (80 ms) loads classes and is "
                + "not counted").isEqualTo(Duration.ofMillis(2));
        assertThat(report.classesFromFilesCold()).as("median of classes read from files, plain").isEqualTo(700);
        assertThat(report.classesFromFilesArchived()).as("median of classes read from files, archived").isEqualTo(41);
        assertThatThrownBy(() -> StartupMeasurement.measure(new ScriptedRuntime(), 0, 3)).as("measure with 0 cold runs")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StartupMeasurement.measure(new ScriptedRuntime(), 3, 0)).as("measure with 0 warm runs")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFreshJvmIsFarSlowerThanAWarmCallAndTheArchiveSparesItMostClassLoading() {
        StartupReport report;
        try (RealJvm jvm = new RealJvm()) {
            report = StartupMeasurement.measure(jvm, 1, 15);
        }
        System.out.println("[Task 3] " + report);
        assertThat(report.coldToWarm()).as("a cold start (a fresh JVM that handles one event: %d ms) against a warm call in "
                + "a running JVM (%.2f ms): the ratio must be over 10 even on a busy machine", report.cold().toMillis(),
                report.warm().toNanos() / 1e6).isGreaterThan(10);
        assertThat(report.classesFromFilesCold()).as("classes a fresh JVM read from files for one thumbnail: the JDK's own "
                + "archive covers only what every program needs at start-up").isGreaterThan(300);
        assertThat(report.classesFromFilesArchived() * 5).as("5 x the classes still read from files with the archive "
                + "(%d), against %d without it: the training run must archive what the handler loads",
                report.classesFromFilesArchived(), report.classesFromFilesCold()).isLessThan(report.classesFromFilesCold());
        assertThat(report.archived()).as("a start from the archive").isPositive();
    }
}
