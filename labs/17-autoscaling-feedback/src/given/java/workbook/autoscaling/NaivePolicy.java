package workbook.autoscaling;

/**
 * The autoscaler most teams write first, and the one this lab starts from (given code): every minute,
 * one more instance when the average CPU is above 70%, one fewer when it is below 30%. No cooldown, no
 * idea that new instances take minutes to help, and it reads the CPU of cold instances like any other.
 */
public final class NaivePolicy implements ScalingPolicy {

    private final double scaleOutAbove;
    private final double scaleInBelow;

    /** The course's thresholds: above 70% add one, below 30% remove one. */
    public NaivePolicy() {
        this(0.70, 0.30);
    }

    /** Other thresholds, such as a tighter band that keeps the fleet closer to the load. */
    public NaivePolicy(double scaleOutAbove, double scaleInBelow) {
        if (!(scaleInBelow >= 0 && scaleInBelow < scaleOutAbove && scaleOutAbove <= 1)) {
            throw new IllegalArgumentException("need 0 <= scale-in threshold < scale-out threshold <= 1, got "
                    + scaleInBelow + " and " + scaleOutAbove);
        }
        this.scaleOutAbove = scaleOutAbove;
        this.scaleInBelow = scaleInBelow;
    }

    @Override
    public int desiredInstances(Observation now) {
        double cpu = now.averageCpu();
        if (cpu > scaleOutAbove) {
            return now.total() + 1;
        }
        if (cpu < scaleInBelow) {
            return now.total() - 1;
        }
        return now.total();
    }
}
