package workbook.labkit.progress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The summary that ends a run: remembered rows carry their time, and only this run's failures fail the build. */
class ProgressReportTest {
    private static final String SHEET = """
            # Lab 99: Sample

            ## Tasks

            ### Task 1: Count things (40 points)

            ### Task 2: Count faster (60 points)
            """;
    private static final Instant EARLIER = Instant.parse("2026-12-01T09:15:30Z");
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static LabResults.TestResult test(int task, LabResults.Status status, Instant finishedAt) {
        return new LabResults.TestResult("id-" + task + status, "Task" + task + "Test", "works", "Task" + task + "Test > works()",
                task, status, status == LabResults.Status.PASSED ? null : "Task " + task + " is not done yet", 5, null, finishedAt.toString());
    }

    private static LabResults run(LabResults.TestResult... tests) {
        return LabResults.of(LabSheet.parse("99-sample", SHEET), true, List.of(tests), NOW.toString());
    }

    @Test
    void aTaskThatDidNotRunThisTimeSaysWhichRunItsRowComesFrom() {
        LabResults results = run(test(1, LabResults.Status.FAILED, EARLIER), test(2, LabResults.Status.PASSED, NOW.plusSeconds(3)));

        String report = ProgressReport.render(LabSheet.parse("99-sample", SHEET), results);

        String earlier = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault()).format(EARLIER);
        assertThat(report).contains("todo Task 1").contains("(from the " + earlier + " run)");
        assertThat(report.lines().filter(line -> line.contains("Task 2")).findFirst().orElseThrow())
                .startsWith("   done Task 2").doesNotContain("run)");
        assertThat(report).contains("Next: Task 1, Count things");
    }

    @Test
    void onlyThisRunsFailuresFailTheBuild() {
        assertThat(MavenSummary.failure(run(test(1, LabResults.Status.FAILED, EARLIER), test(2, LabResults.Status.PASSED, NOW))))
                .as("a remembered failure of a task that did not run").isNull();
        assertThat(MavenSummary.failure(run(test(1, LabResults.Status.PASSED, EARLIER), test(2, LabResults.Status.TIMEOUT, NOW))))
                .isEqualTo("1 test failed: the summary above says which task is next");
        assertThat(MavenSummary.failure(LabResults.of(LabSheet.parse("99-sample", SHEET), false,
                List.of(test(1, LabResults.Status.RUNNING, NOW)), NOW.toString())))
                .as("a run cut short").contains("stopped before its end");
    }

    @Test
    void theMavenStepPrintsTheSummaryFailsOnThisRunAndLetsSkipsAndOldFilesThrough(@TempDir Path lab) throws IOException {
        Files.writeString(lab.resolve("README.md"), SHEET);
        Path file = lab.resolve("results.json");
        run(test(1, LabResults.Status.FAILED, NOW.plusSeconds(1))).write(file);
        String buildStart = NOW.toString();

        assertThatThrownBy(() -> MavenSummary.main(new String[] {file.toString(), lab.toString(), buildStart, "false", "false"}))
                .hasMessage("1 test failed: the summary above says which task is next");
        MavenSummary.main(new String[] {file.toString(), lab.toString(), buildStart, "true", "false"}); // -Dmaven.test.failure.ignore
        MavenSummary.main(new String[] {file.toString(), lab.toString(), buildStart, "false", "false", "true"}); // -DskipTests
        MavenSummary.main(new String[] {file.toString(), lab.toString(), NOW.plusSeconds(60).toString(), "false"}); // an older file
        MavenSummary.main(new String[] {lab.resolve("none.json").toString(), lab.toString(), buildStart, "false"}); // no tests ran
    }
}
