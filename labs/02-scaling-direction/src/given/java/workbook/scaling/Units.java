package workbook.scaling;

/** The calendar constants of an estimate. */
public final class Units {
    public static final int SECONDS_PER_DAY = 86_400;
    public static final int DAYS_PER_YEAR = 365;

    private Units() {
    }
}
