package workbook.scaling;

/**
 * Back-of-envelope capacity estimation: from users to queries per second, storage, bandwidth and
 * cache. Every figure is computed from the exact inputs and rounded only once, at the end, to
 * {@link #SIGNIFICANT_FIGURES} significant figures.
 */
public final class Estimator {
    public static final int SECONDS_PER_DAY = 86_400;
    public static final int DAYS_PER_YEAR = 365;
    /** The rounding policy: two significant figures, an order of magnitude with one digit of shape. */
    public static final int SIGNIFICANT_FIGURES = 2;

    private Estimator() {
    }

    public static Estimate estimate(Workload workload) {
        throw new UnsupportedOperationException("Task 2: turn the workload into QPS, storage, bandwidth and cache, rounded once at the end");
    }

    /** Rounds to {@link #SIGNIFICANT_FIGURES} significant figures: 578.7 to 580, 3.65e15 to 3.7e15. */
    public static double round(double value) {
        throw new UnsupportedOperationException("Task 2: round to SIGNIFICANT_FIGURES significant figures (BigDecimal and MathContext help)");
    }

}
