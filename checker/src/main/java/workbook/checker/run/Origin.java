package workbook.checker.run;

/** Where a test comes from. */
public enum Origin {
    /** The lab's own tests, shipped to students. */
    PUBLIC,
    /** The checker's extra tests for the lab, never shipped. */
    HIDDEN,
    /** The solution module's own tests (the production library against the same contract). */
    SOLUTION;

    public String word() {
        return name().toLowerCase();
    }
}
