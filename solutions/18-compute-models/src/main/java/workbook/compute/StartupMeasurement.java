package workbook.compute;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** Task 3: a real cold start measured against a warm invocation, then with a class-data-sharing archive. */
public final class StartupMeasurement {
    private StartupMeasurement() {
    }

    /** JVM options for the training run: at exit, write every class it loaded (beyond the JDK's own archive) to {@code archive}. */
    public static List<String> writeArchive(Path archive) {
        return List.of("-XX:ArchiveClassesAtExit=" + archive);
    }

    /** JVM options to start from {@code archive}, and fail rather than silently start without it. */
    public static List<String> useArchive(Path archive) {
        return List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:on");
    }

    /**
     * Measures, in this order: one training run that writes the archive (not counted, it is slower
     * than either); then {@code coldRuns} times a plain cold start followed by an archived one,
     * alternated so that both see the same background load; then one warm invocation that is not
     * counted (it loads the handler's classes into this JVM) and {@code warmRuns} counted ones.
     * Every figure is the median of its runs.
     */
    public static StartupReport measure(HandlerRuntime runtime, int coldRuns, int warmRuns) {
        if (coldRuns < 1 || warmRuns < 1) {
            throw new IllegalArgumentException("each kind of run needs at least 1, got " + coldRuns + " cold and " + warmRuns + " warm");
        }
        Path archive = runtime.newArchivePath();
        runtime.coldStart(writeArchive(archive));
        long[] coldWall = new long[coldRuns];
        long[] coldClasses = new long[coldRuns];
        long[] archivedWall = new long[coldRuns];
        long[] archivedClasses = new long[coldRuns];
        for (int run = 0; run < coldRuns; run++) {
            JvmStart plain = runtime.coldStart(List.of());
            coldWall[run] = plain.wall().toNanos();
            coldClasses[run] = plain.classesFromFiles();
            JvmStart archived = runtime.coldStart(useArchive(archive));
            archivedWall[run] = archived.wall().toNanos();
            archivedClasses[run] = archived.classesFromFiles();
        }
        runtime.invokeWarm();
        long[] warm = new long[warmRuns];
        for (int run = 0; run < warmRuns; run++) {
            warm[run] = runtime.invokeWarm().toNanos();
        }
        return new StartupReport(Duration.ofNanos(median(coldWall)), Duration.ofNanos(median(warm)),
                Duration.ofNanos(median(archivedWall)), (int) median(coldClasses), (int) median(archivedClasses));
    }

    /** The middle value; with an even count, the mean of the two middle ones (rounded down). */
    public static long median(long[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values: the median of nothing is undefined");
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        if (sorted.length % 2 == 1) {
            return sorted[middle];
        }
        return Math.floorDiv(sorted[middle - 1] + sorted[middle], 2);
    }
}
