package workbook.labkit.progress;

import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.PostDiscoveryFilter;

import java.util.Optional;

/**
 * {@code mvn test -Dtask=3} (or {@code ./workbook test 04 --task 3}): runs only the tests of one task,
 * so the one you are working on answers in seconds. Registered with the JUnit Platform
 * (META-INF/services), so Maven, an IDE, watch mode and the checker all honour it; without the
 * property every test runs. Tests of other tasks keep their earlier result in the summary, marked as such.
 */
public final class TaskFilter implements PostDiscoveryFilter {
    /** The system property that names the task. */
    public static final String PROPERTY = "task";

    private final Integer fixedTask;
    private final boolean keep;

    /** The filter Maven and IDEs get: the task named by {@code -Dtask=N}, or every test. */
    public TaskFilter() {
        this(null, true);
    }

    private TaskFilter(Integer fixedTask, boolean keep) {
        this.fixedTask = fixedTask;
        this.keep = keep;
    }

    /** Only the tests of this task (watch mode runs the current task first). */
    public static TaskFilter only(int task) {
        return new TaskFilter(task, true);
    }

    /** Every test but those of this task (then the rest). */
    public static TaskFilter except(int task) {
        return new TaskFilter(task, false);
    }

    @Override
    public FilterResult apply(TestDescriptor descriptor) {
        Optional<Integer> wanted = fixedTask != null ? Optional.of(fixedTask) : wantedTask();
        if (wanted.isEmpty() || !(descriptor.getSource().orElse(null) instanceof MethodSource source)) {
            return FilterResult.included("no task filter, or not a test method");
        }
        Optional<Integer> task;
        try {
            task = Tasks.taskOf(source.getJavaClass(), source.getJavaMethod());
        } catch (RuntimeException e) {
            return FilterResult.included("task unknown");
        }
        // Tests without a task (the lab kit's own) are not a lab's; leave them alone.
        return task.isEmpty() || task.equals(wanted) == keep
                ? FilterResult.included(keep ? "task " + wanted.get() : "not task " + wanted.get())
                : FilterResult.excluded(keep ? "not task " + wanted.get() : "task " + wanted.get());
    }

    /** The task asked for, if any; a value that is not a number is a mistake worth saying out loud. */
    public static Optional<Integer> wantedTask() {
        String value = System.getProperty(PROPERTY, "").strip();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-Dtask=" + value + " is not a task number: use -Dtask=3 to run the tests of Task 3.");
        }
    }
}
