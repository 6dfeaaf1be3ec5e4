package workbook.autoscaling;

/** Ready-made policies: the naive one the lab starts from, and the one you would ship (Task 6). */
public final class Policies {

    private Policies() {
    }

    public static ScalingPolicy naive() {
        return new NaivePolicy();
    }

    /**
     * The policy you would ship for this fleet, learning the daily pattern from {@code history} (at least
     * 14 days): it must beat {@link #naive()} on SLO-violation minutes, instance-hours and scaling actions.
     */
    public static ScalingPolicy recommended(Trace history, FleetConfig config) {
        throw new UnsupportedOperationException("Task 6: compose your policies (predictive + reactive, stabilised) into the one you would ship");
    }
}
