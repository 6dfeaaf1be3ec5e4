package workbook.scaling;

/**
 * The infrastructure numbers a {@link Workload} turns into. Every figure is already rounded to
 * {@link #SIGNIFICANT_FIGURES} significant figures: an estimate is an order of magnitude,
 * and "10 TB" says more than "9.7 TB". Bytes use decimal units.
 *
 * @param writeQps                average writes per second
 * @param readQps                 average reads per second
 * @param peakWriteQps            writes per second at peak
 * @param peakReadQps             reads per second at peak
 * @param storagePerDayBytes      new data per day, one copy, no metadata
 * @param storagePerYearBytes     new data per year, one copy, no metadata
 * @param replicatedPerYearBytes  new data per year with every replica, no metadata
 * @param totalStorageBytes       everything kept: every replica, the metadata overhead, every year of retention
 * @param ingressBytesPerSecond   bytes coming in per second at the average write rate
 * @param egressBytesPerSecond    bytes going out per second at the average read rate
 * @param ingressMbps             ingress in megabits per second
 * @param egressMbps              egress in megabits per second
 * @param cacheBytes              cache for the hot share of one day's read volume
 */
public record Estimate(double writeQps, double readQps, double peakWriteQps, double peakReadQps,
                       double storagePerDayBytes, double storagePerYearBytes, double replicatedPerYearBytes,
                       double totalStorageBytes, double ingressBytesPerSecond, double egressBytesPerSecond,
                       double ingressMbps, double egressMbps, double cacheBytes) {
    /** The rounding policy: two significant figures, an order of magnitude with one digit of shape. */
    public static final int SIGNIFICANT_FIGURES = 2;
}
