package workbook.scaling;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Back-of-envelope capacity estimation: from users to queries per second, storage, bandwidth and
 * cache. Every figure is computed from the exact inputs and rounded only once, at the end, to
 * {@link Estimate#SIGNIFICANT_FIGURES} significant figures. Seconds per day and days per year are in
 * {@link Units}.
 */
public final class Estimator {
    private Estimator() {
    }

    public static Estimate estimate(Workload workload) {
        validate(workload);
        double writesPerDay = workload.dailyActiveUsers() * workload.writesPerUser();
        double readsPerDay = workload.dailyActiveUsers() * workload.readsPerUser();
        double writeQps = writesPerDay / Units.SECONDS_PER_DAY;
        double readQps = readsPerDay / Units.SECONDS_PER_DAY;

        double perDay = writesPerDay * workload.objectBytes();
        double perYear = perDay * Units.DAYS_PER_YEAR;
        double replicatedPerYear = perYear * workload.replicationFactor();
        double total = replicatedPerYear * (1 + workload.metadataOverhead()) * workload.retentionYears();

        double ingress = writeQps * workload.objectBytes();
        double egress = readQps * workload.objectBytes();
        double cache = readsPerDay * workload.objectBytes() * workload.cacheRatio();

        return new Estimate(
                round(writeQps), round(readQps),
                round(writeQps * workload.peakMultiplier()), round(readQps * workload.peakMultiplier()),
                round(perDay), round(perYear), round(replicatedPerYear), round(total),
                round(ingress), round(egress), round(megabits(ingress)), round(megabits(egress)),
                round(cache));
    }

    /** Bytes per second to megabits per second: 8 bits a byte, a million bits a megabit. */
    static double megabits(double bytesPerSecond) {
        return bytesPerSecond * 8 / 1_000_000;
    }

    /** Rounds to {@link Estimate#SIGNIFICANT_FIGURES} significant figures: 578.7 to 580, 3.65e15 to 3.7e15. */
    public static double round(double value) {
        return new BigDecimal(value).round(new MathContext(Estimate.SIGNIFICANT_FIGURES, RoundingMode.HALF_UP)).doubleValue();
    }

    private static void validate(Workload w) {
        require(w != null, "workload must not be null");
        require(w.dailyActiveUsers() > 0, "daily active users must be more than 0, got " + w.dailyActiveUsers());
        require(w.writesPerUser() >= 0, "writes per user must be 0 or more, got " + w.writesPerUser());
        require(w.readsPerUser() >= 0, "reads per user must be 0 or more, got " + w.readsPerUser());
        require(w.objectBytes() > 0, "object size must be more than 0 bytes, got " + w.objectBytes());
        require(w.peakMultiplier() >= 1, "peak multiplier must be at least 1 (peak is never below average), got " + w.peakMultiplier());
        require(w.replicationFactor() >= 1, "replication factor must be at least 1 (one copy), got " + w.replicationFactor());
        require(w.metadataOverhead() >= 0, "metadata overhead must be 0 or more (0.3 means 30%), got " + w.metadataOverhead());
        require(w.retentionYears() >= 1, "retention must be at least 1 year, got " + w.retentionYears());
        require(w.cacheRatio() >= 0 && w.cacheRatio() <= 1, "cache ratio must be between 0 and 1 (0.2 means 20%), got " + w.cacheRatio());
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
