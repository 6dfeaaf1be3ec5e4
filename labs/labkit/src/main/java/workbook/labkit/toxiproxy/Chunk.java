package workbook.labkit.toxiproxy;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Bytes read from one socket on their way to the other, or the end of the stream (the sender closed).
 * A chunk remembers which toxics it has already got past, so a pipe can re-examine it after any
 * change without applying a toxic twice.
 */
final class Chunk {
    private byte[] bytes; // null: end of stream
    /** When the data arrived at the proxy; each latency toxic it passes moves this later by its delay. */
    private long timestamp;
    /** Drawn once, so a held chunk keeps the same jitter however often it is re-examined. */
    private final double jitterDraw;
    private final Set<String> passedToxics;
    private String waitingAt;
    private long waitingSince;

    private Chunk(byte[] bytes, long timestamp, double jitterDraw, Set<String> passedToxics) {
        this.bytes = bytes;
        this.timestamp = timestamp;
        this.jitterDraw = jitterDraw;
        this.passedToxics = passedToxics;
    }

    static Chunk data(byte[] bytes, long now) {
        return new Chunk(bytes, now, ThreadLocalRandom.current().nextDouble(-1, 1), new HashSet<>());
    }

    static Chunk endOfStream(long now) {
        return new Chunk(null, now, 0, new HashSet<>());
    }

    boolean isEnd() {
        return bytes == null;
    }

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return isEnd() ? 0 : bytes.length;
    }

    long timestamp() {
        return timestamp;
    }

    void delayTo(long newTimestamp) {
        timestamp = newTimestamp;
    }

    /** A value in [-jitter, jitter), the same every time it is asked for this chunk. */
    long jitter(long jitter) {
        return jitter <= 0 ? 0 : (long) Math.floor(jitterDraw * jitter);
    }

    boolean hasPassed(Toxic toxic) {
        return passedToxics.contains(toxic.name());
    }

    void pass(Toxic toxic) {
        passedToxics.add(toxic.name());
    }

    void passAll(Collection<String> toxicNames) {
        passedToxics.addAll(toxicNames);
    }

    /** When this chunk started waiting at {@code toxic}; the first call for a toxic starts the clock. */
    long waitingSince(Toxic toxic, long now) {
        if (!toxic.name().equals(waitingAt)) {
            waitingAt = toxic.name();
            waitingSince = now;
        }
        return waitingSince;
    }

    /** Keeps the first {@code length} bytes here and returns the rest as a chunk at the same point of the chain. */
    Chunk splitAt(int length) {
        Chunk rest = new Chunk(Arrays.copyOfRange(bytes, length, bytes.length), timestamp, jitterDraw,
                new HashSet<>(passedToxics));
        bytes = Arrays.copyOf(bytes, length);
        return rest;
    }
}
