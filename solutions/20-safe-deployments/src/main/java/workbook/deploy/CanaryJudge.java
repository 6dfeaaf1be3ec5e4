package workbook.deploy;

/**
 * Task 2: decides, from counts alone, whether a canary fails more often than its baseline, with
 * Wald's sequential probability ratio test (SPRT). It is checked after every request, and unlike a
 * fixed-sample test it is built to be: its false-alarm rate stays near {@code falseAlarm} however
 * often it is asked.
 * <p>
 * H0: the canary fails as often as the baseline (p0, estimated from the baseline's counts as
 * (errors + 1) / (requests + 2)); H1: it fails {@code worseFactor} times as often (p1). The
 * log-likelihood ratio of the canary's counts is
 * {@code errors * ln(p1/p0) + successes * ln((1-p1)/(1-p0))}. At or above
 * {@code ln((1 - missed) / falseAlarm)} the verdict is ROLL_BACK; at or below
 * {@code ln(missed / (1 - falseAlarm))} it is PROMOTE; in between, CONTINUE. Once reached, a
 * verdict stays. Nothing is decided before the baseline has served {@link #MIN_BASELINE} requests.
 */
public final class CanaryJudge {
    public static final int MIN_BASELINE = 100;

    private final double upper;
    private final double lower;
    private final double worseFactor;
    private long baselineRequests;
    private long baselineErrors;
    private long canaryRequests;
    private long canaryErrors;
    private Verdict decided = Verdict.CONTINUE;

    /**
     * @param falseAlarm  the chance we accept of rolling back a canary as good as the baseline (alpha)
     * @param missed      the chance we accept of promoting a canary that is {@code worseFactor} times worse (beta)
     * @param worseFactor how many times the baseline's error rate counts as "worse" (2: twice as many errors)
     */
    public CanaryJudge(double falseAlarm, double missed, double worseFactor) {
        this.upper = Math.log((1 - missed) / falseAlarm);
        this.lower = Math.log(missed / (1 - falseAlarm));
        this.worseFactor = worseFactor;
    }

    public synchronized void recordBaseline(boolean failed) {
        baselineRequests++;
        if (failed) {
            baselineErrors++;
        }
    }

    public synchronized void recordCanary(boolean failed) {
        canaryRequests++;
        if (failed) {
            canaryErrors++;
        }
    }

    public synchronized long canaryRequests() {
        return canaryRequests;
    }

    public synchronized Verdict verdict() {
        if (decided != Verdict.CONTINUE || baselineRequests < MIN_BASELINE) {
            return decided;
        }
        double p0 = (baselineErrors + 1.0) / (baselineRequests + 2.0);
        double p1 = Math.min(worseFactor * p0, (1 + p0) / 2); // a probability stays below 1
        long successes = canaryRequests - canaryErrors;
        double evidence = canaryErrors * Math.log(p1 / p0) + successes * Math.log((1 - p1) / (1 - p0));
        if (evidence >= upper) {
            decided = Verdict.ROLL_BACK;
        } else if (evidence <= lower) {
            decided = Verdict.PROMOTE;
        }
        return decided;
    }
}
