package workbook.scaling;

/**
 * What the business tells you, before any architecture: users, what each does per day, how big an
 * object is, and the rules of thumb the estimate uses. Sizes are in bytes with decimal units
 * (1 KB = 1,000 bytes), as back-of-envelope estimates are.
 *
 * @param dailyActiveUsers  users per day (DAU)
 * @param writesPerUser     objects each user creates per day (photos uploaded, tweets posted)
 * @param readsPerUser      objects each user reads per day
 * @param objectBytes       average size of one object, in bytes
 * @param peakMultiplier    peak over average: 2 for an ordinary daily curve, up to 10 for a viral event
 * @param replicationFactor how many copies of every byte are stored (3 is common)
 * @param metadataOverhead  extra storage for metadata, indexes and logs, 0.3 for 30%
 * @param retentionYears    how many years the data is kept
 * @param cacheRatio        share of a day's read volume kept in cache, 0.2 for the hot 20%
 */
public record Workload(long dailyActiveUsers, double writesPerUser, double readsPerUser, long objectBytes,
                       double peakMultiplier, int replicationFactor, double metadataOverhead,
                       int retentionYears, double cacheRatio) {
}
