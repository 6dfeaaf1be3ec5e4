package workbook.labkit.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import workbook.labkit.progress.LabResults;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

// Each test compiles and runs a small lab two or three times; on a loaded 2-core machine that passes
// the default 30 s. The re-run time is printed, not asserted (labs/bench measures the budgets).
@Timeout(120)
class WatchTest {
    @TempDir
    Path root;

    @Test
    void rerunsWithTheNewCodeAfterASave() throws Exception {
        assertWatchRerunsAfterASave(false);
    }

    @Test
    void pollingFindsTheSaveToo() throws Exception {
        assertWatchRerunsAfterASave(true);
    }

    private void assertWatchRerunsAfterASave(boolean polling) throws Exception {
        Path lab = SampleLab.write(root);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        String previousLabDir = System.getProperty("workbook.lab.dir");
        String previousResults = System.getProperty("workbook.results");
        try (Watch watch = new Watch(lab, polling, null, new PrintStream(output, true))) {
            watch.runOnce();
            assertThat(results(lab).pointsEarned()).as("points on the starter").isZero();

            CompletableFuture<Boolean> changed = CompletableFuture.supplyAsync(() -> {
                try {
                    return watch.awaitChange(Duration.ofSeconds(20));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(polling ? 700 : 300); // let the watcher take its first look before the save
            Files.writeString(lab.resolve("src/main/java/workbook/sample/Calc.java"), SampleLab.SOLUTION);
            assertThat(changed.get(25, TimeUnit.SECONDS)).as("a save was noticed").isTrue();

            long millis = watch.runOnce();
            assertThat(results(lab).pointsEarned()).as("points after saving the solution").isEqualTo(100);
            System.out.println("watch re-run after a save (" + (polling ? "polling" : "file events") + "): " + millis + " ms");
        } finally {
            restore("workbook.lab.dir", previousLabDir);
            restore("workbook.results", previousResults);
        }
        assertThat(output.toString()).contains(
                "[watch] 99-sample, Task 1: 0 passed, 1 failed", "[watch] 99-sample, the other tasks: 0 passed, 1 failed",
                "[watch] 99-sample, Task 1: 1 passed, 0 failed", "[watch] 99-sample, the other tasks: 1 passed, 0 failed");
    }

    @Test
    void theBenchRunsTheCurrentTaskAloneAndTimesItsResult() throws Exception {
        Path lab = SampleLab.write(root);
        String previousLabDir = System.getProperty("workbook.lab.dir");
        String previousResults = System.getProperty("workbook.results");
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (Watch watch = new Watch(lab, false, 2, new PrintStream(output, true))) {
            long millis = watch.runCurrentTaskOnly();
            assertThat(millis).as("milliseconds to Task 2's result").isPositive();
            assertThat(output.toString()).contains("[watch] 99-sample, Task 2: 0 passed, 1 failed")
                    .doesNotContain("the other tasks")
                    .contains(String.format("the current task's result after %.1f s", millis / 1e3));
        } finally {
            restore("workbook.lab.dir", previousLabDir);
            restore("workbook.results", previousResults);
        }
    }

    @Test
    void runsTheFirstTaskNotDoneFirstOrTheTaskAsked() throws Exception {
        Path lab = SampleLab.write(root);
        // Task 1 done, Task 2 not yet.
        Files.writeString(lab.resolve("src/main/java/workbook/sample/Calc.java"),
                SampleLab.STARTER.replace("throw new UnsupportedOperationException(\"Task 1: add\");", "return a + b;"));
        String previousLabDir = System.getProperty("workbook.lab.dir");
        String previousResults = System.getProperty("workbook.results");
        try {
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            try (Watch watch = new Watch(lab, false, null, new PrintStream(output, true))) {
                assertThat(watch.focusTask()).as("with no earlier run, the first task").isEqualTo(1);
                watch.runOnce();
                assertThat(watch.focusTask()).as("after a run in which Task 1 passed").isEqualTo(2);
                watch.runOnce();
            }
            assertThat(output.toString()).contains("[watch] 99-sample, Task 2: 0 passed, 1 failed")
                    .as("the current task's result comes before the others'")
                    .containsSubsequence("[watch] 99-sample, Task 2:", "[watch] 99-sample, the other tasks: 1 passed, 0 failed");
            try (Watch asked = new Watch(lab, false, 1, new PrintStream(new ByteArrayOutputStream(), true))) {
                assertThat(asked.focusTask()).as("--task 1").isEqualTo(1);
            }
        } finally {
            restore("workbook.lab.dir", previousLabDir);
            restore("workbook.results", previousResults);
        }
    }

    private static LabResults results(Path lab) throws Exception {
        return LabResults.read(lab.resolve("target/workbook/results.json"));
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }
}
