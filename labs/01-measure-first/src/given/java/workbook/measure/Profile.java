package workbook.measure;

/**
 * What one endpoint cost so far: how many requests, and their total wall time and total CPU time (the
 * time a CPU actually ran the request's thread), in nanoseconds.
 */
public record Profile(long requests, long wallNanos, long cpuNanos) {
    public static final Profile NONE = new Profile(0, 0, 0);

    public Profile plus(Profile other) {
        return new Profile(requests + other.requests, wallNanos + other.wallNanos, cpuNanos + other.cpuNanos);
    }

    /** CPU time as a share of wall time: near 1 for a request that computes, near 0 for one that waits. */
    public double cpuShare() {
        return wallNanos == 0 ? 0 : (double) cpuNanos / wallNanos;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%d requests, wall %.1f ms, CPU %.1f ms (%.0f%% of wall)",
                requests, wallNanos / 1e6, cpuNanos / 1e6, 100 * cpuShare());
    }
}
