package workbook.scaling;

import java.util.OptionalInt;

/**
 * Runway and cost of a database that grows every month, for any {@link Option}: how many months
 * until the busiest server crosses the critical utilization, what the option costs each month, and
 * how busy it is in a given month. Load is measured in "today's server": 0.8 is 80% of today's CPU.
 */
public final class CapacityModel {
    /** How far ahead the runway is searched; a plan that lasts longer than this lasts "forever". */
    public static final int HORIZON_MONTHS = 120;

    /**
     * @param peakUtilization     today's peak CPU of the single server, 0.8 for 80% (more than 0)
     * @param monthlyGrowth       growth of the load per month, 0.10 for 10% (0 or more)
     * @param readShare           share of the load that is reads and can move to replicas (0 to 1)
     * @param criticalUtilization the utilization at which the server is in trouble, 0.9 for 90% (more than 0, at most 1)
     * @param monthlyBill         what today's server costs per month (more than 0)
     */
    public CapacityModel(double peakUtilization, double monthlyGrowth, double readShare,
                         double criticalUtilization, double monthlyBill) {
        throw new UnsupportedOperationException("Task 1: validate the inputs (clear IllegalArgumentException messages) and keep them");
    }

    /** Utilization of the busiest server of {@code option} in {@code month} (0 is today); above 1 means overloaded. */
    public double utilization(Option option, int month) {
        throw new UnsupportedOperationException("Task 1: grow the load month by month and share it between the primary and the replicas");
    }

    /** The first month in which the busiest server reaches the critical utilization; empty if not within {@link #HORIZON_MONTHS}. */
    public OptionalInt monthsUntilCritical(Option option) {
        throw new UnsupportedOperationException("Task 1: find the first month in which the busiest server reaches the critical utilization");
    }

    /**
     * What {@code option} costs per month. A bigger machine is superlinear (2x the cores costs 3x the
     * bill, 4x costs 9x); more machines are linear (each replica adds its own bill).
     */
    public double monthlyCost(Option option) {
        throw new UnsupportedOperationException("Task 1: price the primary and the replicas (2x the cores costs 3x the bill)");
    }
}
