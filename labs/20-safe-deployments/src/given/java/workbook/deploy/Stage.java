package workbook.deploy;

/** Where a progressive rollout is. */
public enum Stage {
    ROLLING_OUT, ROLLED_BACK, COMPLETE
}
