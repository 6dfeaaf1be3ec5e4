package workbook.deploy;

/** What the canary's evidence says so far. */
public enum Verdict {
    /** Not enough evidence either way: keep the canary running. */
    CONTINUE,
    /** The canary is worse than the baseline: send everyone back to the baseline. */
    ROLL_BACK,
    /** The canary is no worse than the baseline: it may take more traffic. */
    PROMOTE
}
