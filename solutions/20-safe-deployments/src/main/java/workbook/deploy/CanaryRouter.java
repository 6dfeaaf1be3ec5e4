package workbook.deploy;

/**
 * Task 2: a canary. A stable share of users (by a hash of their id, so a user stays on one side)
 * goes to the canary, the rest to the baseline. Every answer is evidence for the judge; once the
 * judge says ROLL_BACK, every user goes to the baseline.
 */
public final class CanaryRouter implements Router {
    /** The salt of the canary's user buckets. */
    public static final String SALT = "canary";

    private final ServiceVersion baseline;
    private final ServiceVersion canary;
    private final double percent;
    private final CanaryJudge judge;
    private volatile boolean rolledBack;

    public CanaryRouter(ServiceVersion baseline, ServiceVersion canary, double percent, CanaryJudge judge) {
        this.baseline = baseline;
        this.canary = canary;
        this.percent = percent;
        this.judge = judge;
    }

    @Override
    public ServiceVersion begin(String user) {
        if (!rolledBack && Buckets.inFirst(percent, SALT, user)) {
            return canary;
        }
        return baseline;
    }

    @Override
    public void end(ServiceVersion version, int status) {
        boolean failed = status >= 500;
        if (version == canary) {
            judge.recordCanary(failed);
        } else {
            judge.recordBaseline(failed);
        }
        if (judge.verdict() == Verdict.ROLL_BACK) {
            rolledBack = true;
        }
    }

    public boolean rolledBack() {
        return rolledBack;
    }
}
