package workbook.deploy;

/** Which release of green is running, told by its configuration. */
public enum GreenPhase {
    /** The first release of green: blue may still be running beside it. */
    BESIDE_BLUE,
    /** A later release: blue is gone and the backfill is done; the old column is about to be dropped. */
    ALONE
}
