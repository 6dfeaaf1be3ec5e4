package workbook.labkit.progress;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;

/**
 * What one run of a lab's tests found, per task and per test. Written as JSON next to the build
 * output after every test, so that a run cut short (a crash, {@code System.exit}, a kill on
 * timeout) still leaves what it had.
 */
public record LabResults(String lab, String title, boolean finished, int pointsEarned, int pointsPossible,
                         List<TaskResult> tasks, List<TestResult> tests, String runStartedAt) {

    public enum Status { PASSED, FAILED, ERROR, TIMEOUT, SKIPPED, RUNNING }

    public record TaskResult(int id, String title, int points, int earned, int tests, int passed, boolean done) {
    }

    public record TestResult(String uniqueId, String className, String methodName, String displayName,
                             Integer task, Status status, String message, long durationMillis, String output,
                             String finishedAt) {
        public TestResult withStatus(Status newStatus, String newMessage) {
            return new TestResult(uniqueId, className, methodName, displayName, task, newStatus, newMessage, durationMillis, output,
                    finishedAt);
        }

        /** Whether this result is remembered from a run before {@code runStartedAt} (its task's tests did not run then). */
        public boolean before(String runStartedAt) {
            return runStartedAt != null && finishedAt != null && Instant.parse(finishedAt).isBefore(Instant.parse(runStartedAt));
        }

        public boolean passed() {
            return status == Status.PASSED;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        // Write then rename, so a reader never sees half a file.
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writeValue(temporary.toFile(), this);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static LabResults read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), LabResults.class);
    }

    /** Builds the per-task view from the tests: a task is done when it has tests and every one passed. */
    public static LabResults of(LabSheet sheet, boolean finished, List<TestResult> tests) {
        return of(sheet, finished, tests, null);
    }

    /** As {@link #of(LabSheet, boolean, List)}, for a run that started at {@code runStartedAt} (an ISO-8601 instant). */
    public static LabResults of(LabSheet sheet, boolean finished, List<TestResult> tests, String runStartedAt) {
        List<TaskResult> tasks = sheet.tasks().stream().map(task -> {
            List<TestResult> ofTask = tests.stream().filter(test -> Integer.valueOf(task.id()).equals(test.task())).toList();
            int passed = (int) ofTask.stream().filter(test -> test.status() == Status.PASSED).count();
            boolean done = !ofTask.isEmpty() && passed == ofTask.size();
            return new TaskResult(task.id(), task.title(), task.points(), done ? task.points() : 0, ofTask.size(), passed, done);
        }).toList();
        int earned = tasks.stream().mapToInt(TaskResult::earned).sum();
        return new LabResults(sheet.labId(), sheet.title(), finished, earned, sheet.totalPoints(), tasks, tests, runStartedAt);
    }
}
