package workbook.compute;

import java.time.Duration;

/**
 * One fresh JVM that ran {@link ThumbnailHandler} once.
 *
 * @param wall              from starting the process to its exit
 * @param classesLoaded     classes the JVM loaded
 * @param classesFromFiles  of those, classes it had to read, parse and verify from the JDK's modules
 *                          or from jars: the rest came ready-made from a class-data-sharing archive
 */
public record JvmStart(Duration wall, int classesLoaded, int classesFromFiles) {
}
