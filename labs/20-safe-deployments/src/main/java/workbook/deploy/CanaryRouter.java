package workbook.deploy;

/**
 * Task 2: a canary. A stable share of users (by a hash of their id, so a user stays on one side)
 * goes to the canary, the rest to the baseline. Every answer is evidence for the judge; once the
 * judge says ROLL_BACK, every user goes to the baseline.
 */
public final class CanaryRouter implements Router {
    /** The salt of the canary's user buckets. */
    public static final String SALT = "canary";

    /** Sends {@code percent} of users (0 to 100) to the canary until the judge says ROLL_BACK. */
    public CanaryRouter(ServiceVersion baseline, ServiceVersion canary, double percent, CanaryJudge judge) {
    }

    @Override
    public ServiceVersion begin(String user) {
        throw new UnsupportedOperationException("Task 2: send users whose bucket is in the first percent to the canary");
    }

    @Override
    public void end(ServiceVersion version, int status) {
        throw new UnsupportedOperationException("Task 2: give the judge the outcome and roll back when it says so");
    }

    public boolean rolledBack() {
        throw new UnsupportedOperationException("Task 2: say whether the judge has rolled the canary back");
    }
}
