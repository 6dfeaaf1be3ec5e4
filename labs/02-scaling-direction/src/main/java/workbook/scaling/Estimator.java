package workbook.scaling;

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
        throw new UnsupportedOperationException("Task 2: turn the workload into QPS, storage, bandwidth and cache, rounded once at the end");
    }

    /** Rounds to {@link Estimate#SIGNIFICANT_FIGURES} significant figures: 578.7 to 580, 3.65e15 to 3.7e15. */
    public static double round(double value) {
        throw new UnsupportedOperationException("Task 2: round to Estimate.SIGNIFICANT_FIGURES significant figures (BigDecimal and MathContext help)");
    }

}
