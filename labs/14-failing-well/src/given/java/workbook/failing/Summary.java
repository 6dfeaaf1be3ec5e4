package workbook.failing;

/** One line that says what a group of clients saw, for test messages and the experiment's output. */
public final class Summary {
    private Summary() {
    }

    /** For example: {@code 12 requests, 0 succeeded (0.0%), 12 without an answer, 0 refused with 503, p99 302 ms}. */
    public static String of(Outcomes outcomes) {
        return String.format("%d requests, %d succeeded (%.1f%%), %d without an answer, %d refused with 503, p99 %d ms",
                outcomes.total(), outcomes.successes(), 100 * outcomes.successRate(), outcomes.count(0), outcomes.count(503),
                outcomes.percentile(99).toMillis());
    }
}
