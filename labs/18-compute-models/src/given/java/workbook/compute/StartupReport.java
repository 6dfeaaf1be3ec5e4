package workbook.compute;

import java.time.Duration;

/**
 * What Task 3 measured, each figure the median of its runs.
 *
 * @param cold                       wall time of a fresh JVM handling one event
 * @param warm                       one event handled by a JVM that is already running
 * @param archived                   a fresh JVM started with the class-data-sharing archive
 * @param classesFromFilesCold       classes a fresh JVM read from files
 * @param classesFromFilesArchived   classes a fresh JVM with the archive still read from files
 */
public record StartupReport(Duration cold, Duration warm, Duration archived, int classesFromFilesCold, int classesFromFilesArchived) {

    /** How many times longer a cold start takes than a warm invocation. */
    public double coldToWarm() {
        return (double) cold.toNanos() / Math.max(1, warm.toNanos());
    }

    /** How many times faster the archive makes a cold start (above 1: faster). */
    public double archiveGain() {
        return (double) cold.toNanos() / Math.max(1, archived.toNanos());
    }

    @Override
    public String toString() {
        return String.format("cold %d ms, warm %.2f ms (cold/warm %.0fx); with the archive %d ms (%.2fx faster); "
                        + "classes read from files %d -> %d", cold.toMillis(), warm.toNanos() / 1e6, coldToWarm(),
                archived.toMillis(), archiveGain(), classesFromFilesCold, classesFromFilesArchived);
    }
}
