package workbook.labkit.launcher;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Prints each failing test in one short paragraph (its name and message, no 60-line stack trace)
 * during a watch run; the lab kit's progress summary follows at the end of the run.
 */
final class SummaryListener implements TestExecutionListener {
    private final PrintStream out;
    private final Path lab;
    private int passed;
    private int failed;

    private final String scope;

    /** @param scope what this run covers, for the closing line ("Task 2", "the other tasks") */
    SummaryListener(PrintStream out, Path lab, String scope) {
        this.out = out;
        this.lab = lab;
        this.scope = scope;
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (!id.isTest()) {
            result.getThrowable().ifPresent(thrown -> out.println("FAILED " + id.getDisplayName() + ": " + firstLine(thrown)));
            return;
        }
        if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
            passed++;
            return;
        }
        failed++;
        out.println("FAILED " + id.getDisplayName() + "\n    " + result.getThrowable().map(SummaryListener::firstLine).orElse(""));
    }

    private static String firstLine(Throwable thrown) {
        String message = thrown.getMessage() == null ? thrown.getClass().getName() : thrown.getMessage();
        return message.strip().replace("\n", "\n    ");
    }

    @Override
    public void testPlanExecutionFinished(org.junit.platform.launcher.TestPlan plan) {
        out.println("[watch] " + lab.getFileName() + ", " + scope + ": " + passed + " passed, " + failed + " failed");
    }
}
