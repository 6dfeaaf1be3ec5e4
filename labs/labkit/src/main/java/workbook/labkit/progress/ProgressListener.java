package workbook.labkit.progress;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * Registered with the JUnit Platform (META-INF/services), so it runs under Maven, an IDE and the
 * checker alike. For a lab's tests it records every result per task, rewrites the results file
 * after each test, and prints the progress summary at the end. For tests with no {@code @Task}
 * (the lab kit's own) it does nothing.
 */
public final class ProgressListener implements TestExecutionListener {
    /** Captured output kept per test; enough to see what happened, never enough to fill a disk. */
    static final int OUTPUT_LIMIT = 8 * 1024;

    private final Map<String, LabResults.TestResult> results = new LinkedHashMap<>();
    private final Map<String, Long> startedAt = new LinkedHashMap<>();
    private final Map<String, StringBuilder> output = new LinkedHashMap<>();
    private TestPlan plan;
    private LabSheet sheet;
    /** Results of tasks this run does not include (say, mvn test -Dtest='Task3*'), kept from the previous run. */
    private List<LabResults.TestResult> carriedOver = List.of();
    private String runStartedAt;

    @Override
    public synchronized void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        results.clear();
        runStartedAt = Instant.now().toString();
        boolean anyTask = testPlan.getRoots().stream()
                .flatMap(root -> testPlan.getDescendants(root).stream())
                .anyMatch(id -> task(id).isPresent());
        sheet = anyTask ? Tasks.sheet().orElse(null) : null;
        if (sheet != null) {
            carriedOver = earlierResultsOfTasksNotIn(testPlan);
        }
    }

    private List<LabResults.TestResult> earlierResultsOfTasksNotIn(TestPlan testPlan) {
        Path file = resultsFile();
        if (!java.nio.file.Files.isRegularFile(file)) {
            return List.of();
        }
        java.util.Set<Integer> tasksInThisRun = new java.util.HashSet<>();
        testPlan.getRoots().forEach(root -> testPlan.getDescendants(root).forEach(id -> task(id).ifPresent(tasksInThisRun::add)));
        try {
            return LabResults.read(file).tests().stream()
                    .filter(test -> test.task() != null && !tasksInThisRun.contains(test.task()))
                    .toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private boolean active() {
        return sheet != null;
    }

    @Override
    public synchronized void executionStarted(TestIdentifier id) {
        if (!active() || !id.isTest()) {
            return;
        }
        startedAt.put(id.getUniqueId(), System.nanoTime());
        results.put(id.getUniqueId(), result(id, LabResults.Status.RUNNING, "still running when the run ended (a hang, a crash or System.exit)", 0));
        save(false);
    }

    @Override
    public synchronized void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
        if (!active()) {
            return;
        }
        entry.getKeyValuePairs().forEach((key, value) -> {
            if (key.equals("stdout") || key.equals("stderr")) {
                StringBuilder captured = output.computeIfAbsent(id.getUniqueId(), k -> new StringBuilder());
                int room = OUTPUT_LIMIT - captured.length();
                if (room > 0) {
                    captured.append(value, 0, Math.min(room, value.length()));
                    if (value.length() > room) {
                        captured.append("\n[output cut at ").append(OUTPUT_LIMIT / 1024).append(" KB]");
                    }
                }
            }
        });
    }

    @Override
    public synchronized void executionSkipped(TestIdentifier id, String reason) {
        if (!active()) {
            return;
        }
        for (TestIdentifier test : testsUnder(id)) {
            results.put(test.getUniqueId(), result(test, LabResults.Status.SKIPPED, reason, 0));
        }
        save(false);
    }

    @Override
    public synchronized void executionFinished(TestIdentifier id, TestExecutionResult outcome) {
        if (!active()) {
            return;
        }
        if (id.isTest()) {
            Long start = startedAt.get(id.getUniqueId());
            long millis = start == null ? 0 : (System.nanoTime() - start) / 1_000_000;
            results.put(id.getUniqueId(), result(id, status(outcome), message(outcome), millis));
        } else if (outcome.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
            // A failing @BeforeAll (say, the database did not start) means its tests never ran: they count as errors.
            for (TestIdentifier test : testsUnder(id)) {
                LabResults.TestResult earlier = results.get(test.getUniqueId());
                if (earlier == null || earlier.status() == LabResults.Status.RUNNING || earlier.status() == LabResults.Status.PASSED) {
                    results.put(test.getUniqueId(), result(test, LabResults.Status.ERROR,
                            "could not run: " + message(outcome), 0));
                }
            }
        }
        save(false);
    }

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan testPlan) {
        if (!active()) {
            return;
        }
        LabResults finished = save(true);
        // Under Maven the lab's pom prints the summary after surefire's own report (MavenSummary), so that it comes last.
        if (finished != null && !Boolean.getBoolean(MavenSummary.PRINTS_SUMMARY)) {
            System.out.println();
            System.out.println(ProgressReport.render(sheet, finished));
        }
    }

    private List<TestIdentifier> testsUnder(TestIdentifier id) {
        if (id.isTest()) {
            return List.of(id);
        }
        return plan.getDescendants(id).stream().filter(TestIdentifier::isTest).toList();
    }

    private LabResults.TestResult result(TestIdentifier id, LabResults.Status status, String message, long millis) {
        String className = null;
        String methodName = null;
        if (id.getSource().orElse(null) instanceof MethodSource source) {
            className = source.getClassName();
            methodName = source.getMethodName();
        }
        StringBuilder captured = output.get(id.getUniqueId());
        return new LabResults.TestResult(id.getUniqueId(), className, methodName, displayName(id),
                task(id).orElse(null), status, message, millis, captured == null ? null : captured.toString(),
                Instant.now().toString());
    }

    private String displayName(TestIdentifier id) {
        Optional<TestIdentifier> parent = plan.getParent(id);
        return parent.map(p -> p.getDisplayName() + " > " + id.getDisplayName()).orElse(id.getDisplayName());
    }

    static Optional<Integer> task(TestIdentifier id) {
        if (!(id.getSource().orElse(null) instanceof MethodSource source)) {
            return Optional.empty();
        }
        try {
            return Tasks.taskOf(source.getJavaClass(), source.getJavaMethod());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static LabResults.Status status(TestExecutionResult outcome) {
        return switch (outcome.getStatus()) {
            case SUCCESSFUL -> LabResults.Status.PASSED;
            case ABORTED -> LabResults.Status.SKIPPED;
            case FAILED -> {
                Throwable thrown = outcome.getThrowable().orElse(null);
                if (thrown instanceof TimeoutException) {
                    yield LabResults.Status.TIMEOUT;
                }
                yield thrown instanceof AssertionError ? LabResults.Status.FAILED : LabResults.Status.ERROR;
            }
        };
    }

    private static String message(TestExecutionResult outcome) {
        return outcome.getThrowable().map(thrown -> {
            String text = thrown.getMessage();
            boolean plain = thrown instanceof AssertionError;
            return plain && text != null ? text.strip() : thrown.getClass().getName() + (text == null ? "" : ": " + text.strip());
        }).orElse(null);
    }

    private LabResults save(boolean finished) {
        List<LabResults.TestResult> all = new ArrayList<>(carriedOver);
        all.addAll(results.values());
        LabResults snapshot = LabResults.of(sheet, finished, all, runStartedAt);
        try {
            snapshot.write(resultsFile());
        } catch (IOException e) {
            System.err.println("[labkit] could not write " + resultsFile() + ": " + e.getMessage());
        }
        return snapshot;
    }

    /** {@code workbook.results} when set (the checker sets it), else target/workbook/results.json of the module. */
    static Path resultsFile() {
        String property = System.getProperty("workbook.results");
        return property != null && !property.isBlank() ? Path.of(property) : Path.of("target", "workbook", "results.json");
    }
}
