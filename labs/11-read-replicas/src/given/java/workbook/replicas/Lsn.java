package workbook.replicas;

/**
 * A position in PostgreSQL's write-ahead log (a {@code pg_lsn}), written {@code 16/B374D848}: the high
 * and low 32 bits in hexadecimal. Positions grow as the primary writes; the difference of two is a
 * number of bytes of WAL, which is what {@code pg_wal_lsn_diff()} computes on the server.
 */
public record Lsn(long bytes) implements Comparable<Lsn> {

    public static Lsn parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("not a pg_lsn: " + text);
        }
        return new Lsn((Long.parseLong(text.substring(0, slash), 16) << 32) | Long.parseLong(text.substring(slash + 1), 16));
    }

    /** Whether this position is at or past {@code other}. */
    public boolean reached(Lsn other) {
        return compareTo(other) >= 0;
    }

    /** Bytes of WAL from {@code earlier} to this position. */
    public long minus(Lsn earlier) {
        return bytes - earlier.bytes;
    }

    @Override
    public int compareTo(Lsn other) {
        return Long.compareUnsigned(bytes, other.bytes);
    }

    @Override
    public String toString() {
        return Long.toHexString(bytes >>> 32).toUpperCase() + "/" + Long.toHexString(bytes & 0xFFFFFFFFL).toUpperCase();
    }
}
