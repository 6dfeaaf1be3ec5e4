package workbook.deploy;

/**
 * Task 2: decides, from counts alone, whether a canary fails more often than its baseline, with
 * Wald's sequential probability ratio test (SPRT), checked after every request.
 * <p>
 * H0: the canary fails as often as the baseline (p0, estimated from the baseline's counts as
 * (errors + 1) / (requests + 2)); H1: it fails {@code worseFactor} times as often
 * (p1 = min(worseFactor x p0, (1 + p0) / 2)). The log-likelihood ratio of the canary's counts is
 * {@code errors * ln(p1/p0) + successes * ln((1-p1)/(1-p0))}. At or above
 * {@code ln((1 - missed) / falseAlarm)} the verdict is ROLL_BACK; at or below
 * {@code ln(missed / (1 - falseAlarm))} it is PROMOTE; in between, CONTINUE. Once reached, a
 * verdict stays. Nothing is decided before the baseline has served {@link #MIN_BASELINE} requests.
 * <p>
 * STARTER: the naive rule. It rolls back as soon as the canary's error rate is above the
 * baseline's, on whatever evidence there is, and never promotes.
 */
public final class CanaryJudge {
    public static final int MIN_BASELINE = 100;

    private long baselineRequests;
    private long baselineErrors;
    private long canaryRequests;
    private long canaryErrors;

    /**
     * @param falseAlarm  the chance we accept of rolling back a canary as good as the baseline (alpha)
     * @param missed      the chance we accept of promoting a canary that is {@code worseFactor} times worse (beta)
     * @param worseFactor how many times the baseline's error rate counts as "worse" (2: twice as many errors)
     */
    public CanaryJudge(double falseAlarm, double missed, double worseFactor) {
    }

    public synchronized void recordBaseline(boolean failed) {
        baselineRequests++;
        baselineErrors += failed ? 1 : 0;
    }

    public synchronized void recordCanary(boolean failed) {
        canaryRequests++;
        canaryErrors += failed ? 1 : 0;
    }

    public synchronized long canaryRequests() {
        return canaryRequests;
    }

    public synchronized Verdict verdict() {
        double baselineRate = baselineRequests == 0 ? 0 : (double) baselineErrors / baselineRequests;
        double canaryRate = canaryRequests == 0 ? 0 : (double) canaryErrors / canaryRequests;
        return canaryRate > baselineRate ? Verdict.ROLL_BACK : Verdict.CONTINUE;
    }
}
