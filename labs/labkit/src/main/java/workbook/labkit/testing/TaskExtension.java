package workbook.labkit.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;
import workbook.labkit.progress.Tasks;

import java.util.Optional;

/**
 * Puts the task in front of every failure message, so that a student reads
 * "Task 2 (Sliding window): expected at most 100 ..." and knows where to look; and turns the
 * starter's {@link UnsupportedOperationException} into a plain "not done yet" failure.
 */
public final class TaskExtension implements TestExecutionExceptionHandler {

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        Optional<Integer> task = Tasks.taskOf(context.getRequiredTestClass(), context.getTestMethod().orElse(null));
        if (task.isEmpty() || thrown instanceof TestAbortedException) {
            throw thrown;
        }
        String prefix = "Task " + task.get() + Tasks.sheet().flatMap(sheet -> sheet.task(task.get()))
                .map(info -> " (" + info.title() + ")").orElse("");
        if (thrown instanceof UnsupportedOperationException) {
            // Starters say "Task 3: refill lazily..."; drop their own "Task 3:" so it is not said twice.
            String what = String.valueOf(thrown.getMessage()).replaceFirst("^Task\\s+\\d+\\s*:\\s*", "");
            AssertionFailedError notDone = new AssertionFailedError(prefix + " is not done yet: " + what);
            notDone.setStackTrace(thrown.getStackTrace());
            throw notDone;
        }
        if (thrown instanceof AssertionError || isAwaitilityTimeout(thrown)) {
            String message = String.valueOf(thrown.getMessage()).strip();
            AssertionFailedError prefixed = thrown instanceof AssertionFailedError original && original.isExpectedDefined()
                    ? new AssertionFailedError(prefix + ": " + message, original.getExpected(), original.getActual(), thrown.getCause())
                    : new AssertionFailedError(prefix + ": " + message, thrown.getCause());
            prefixed.setStackTrace(thrown.getStackTrace());
            throw prefixed;
        }
        throw thrown;
    }

    /** Awaitility's "condition not met in time" is an unmet expectation, not a crash: label it like one. */
    private static boolean isAwaitilityTimeout(Throwable thrown) {
        return thrown.getClass().getName().equals("org.awaitility.core.ConditionTimeoutException");
    }
}
