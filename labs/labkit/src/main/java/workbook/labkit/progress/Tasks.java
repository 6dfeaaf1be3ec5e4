package workbook.labkit.progress;

import workbook.labkit.testing.Task;

import java.lang.reflect.Method;
import java.util.Optional;

/** Finds which task a test belongs to, and the lab sheet of the running lab. */
public final class Tasks {
    private static Optional<LabSheet> sheet;

    private Tasks() {
    }

    /** The task of a test method: its own {@link Task}, else its class's, else an enclosing class's. */
    public static Optional<Integer> taskOf(Class<?> testClass, Method method) {
        if (method != null && method.isAnnotationPresent(Task.class)) {
            return Optional.of(method.getAnnotation(Task.class).value());
        }
        for (Class<?> type = testClass; type != null; type = type.getEnclosingClass()) {
            if (type.isAnnotationPresent(Task.class)) {
                return Optional.of(type.getAnnotation(Task.class).value());
            }
        }
        return Optional.empty();
    }

    public static synchronized Optional<LabSheet> sheet() {
        if (sheet == null) {
            sheet = LabSheet.locateLabDirectory().map(LabSheet::read);
        }
        return sheet;
    }
}
