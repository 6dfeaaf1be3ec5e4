package workbook.checker.run;

/** What became of one test. */
public enum Status {
    PASSED, FAILED, ERROR, TIMEOUT, SKIPPED;

    public boolean passed() {
        return this == PASSED;
    }

    /** Failed, crashed or hung: the signs that the work is missing or wrong. */
    public boolean failing() {
        return this == FAILED || this == ERROR || this == TIMEOUT;
    }

    public String word() {
        return name().toLowerCase();
    }
}
