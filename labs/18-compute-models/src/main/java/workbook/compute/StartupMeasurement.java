package workbook.compute;

import java.nio.file.Path;
import java.util.List;

/** Task 3: a real cold start measured against a warm invocation, then with a class-data-sharing archive. */
public final class StartupMeasurement {
    private StartupMeasurement() {
    }

    /** JVM options for the training run: at exit, write every class it loaded (beyond the JDK's own archive) to {@code archive}. */
    public static List<String> writeArchive(Path archive) {
        throw new UnsupportedOperationException("Task 3: the HotSpot option that writes a dynamic CDS archive at exit");
    }

    /** JVM options to start from {@code archive}, and fail rather than silently start without it. */
    public static List<String> useArchive(Path archive) {
        throw new UnsupportedOperationException("Task 3: the options that map a CDS archive, and insist on it");
    }

    /**
     * Measures, in this order: one training run that writes the archive (not counted, it is slower
     * than either); then {@code coldRuns} times a plain cold start followed by an archived one,
     * alternated so that both see the same background load; then one warm invocation that is not
     * counted (it loads the handler's classes into this JVM) and {@code warmRuns} counted ones.
     * Every figure is the median of its runs.
     */
    public static StartupReport measure(HandlerRuntime runtime, int coldRuns, int warmRuns) {
        throw new UnsupportedOperationException("Task 3: train the archive, alternate plain and archived starts, then time warm calls");
    }

    /** The middle value; with an even count, the mean of the two middle ones (rounded down). */
    public static long median(long[] values) {
        throw new UnsupportedOperationException("Task 3: sort a copy and take the middle");
    }
}
