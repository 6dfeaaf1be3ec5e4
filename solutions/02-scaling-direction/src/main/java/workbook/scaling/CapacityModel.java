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

    /** Price of one server with k times today's cores, in today's bills: doubling the cores triples the bill. */
    private static final double COST_EXPONENT = Math.log(3) / Math.log(2);

    private final double peakUtilization;
    private final double monthlyGrowth;
    private final double readShare;
    private final double criticalUtilization;
    private final double monthlyBill;

    /**
     * @param peakUtilization     today's peak CPU of the single server, 0.8 for 80% (more than 0)
     * @param monthlyGrowth       growth of the load per month, 0.10 for 10% (0 or more)
     * @param readShare           share of the load that is reads and can move to replicas (0 to 1)
     * @param criticalUtilization the utilization at which the server is in trouble, 0.9 for 90% (more than 0, at most 1)
     * @param monthlyBill         what today's server costs per month (more than 0)
     */
    public CapacityModel(double peakUtilization, double monthlyGrowth, double readShare,
                         double criticalUtilization, double monthlyBill) {
        require(peakUtilization > 0, "peak utilization must be more than 0 (0.8 means 80%), got " + peakUtilization);
        require(monthlyGrowth >= 0, "monthly growth must be 0 or more (0.10 means 10% a month), got " + monthlyGrowth
                + ": a shrinking load needs no runway plan");
        require(readShare >= 0 && readShare <= 1, "read share must be between 0 and 1 (0.75 means 75% reads), got " + readShare);
        require(criticalUtilization > 0 && criticalUtilization <= 1,
                "critical utilization must be more than 0 and at most 1 (0.9 means 90%), got " + criticalUtilization);
        require(monthlyBill > 0, "monthly bill must be more than 0, got " + monthlyBill);
        this.peakUtilization = peakUtilization;
        this.monthlyGrowth = monthlyGrowth;
        this.readShare = readShare;
        this.criticalUtilization = criticalUtilization;
        this.monthlyBill = monthlyBill;
    }

    /** Utilization of the busiest server of {@code option} in {@code month} (0 is today); above 1 means overloaded. */
    public double utilization(Option option, int month) {
        validate(option);
        require(month >= 0, "month must be 0 or more, got " + month);
        double load = peakUtilization * Math.pow(1 + monthlyGrowth, month);
        if (option.replicas() == 0) {
            return load / option.primaryCores(); // the primary carries reads and writes
        }
        double primary = load * (1 - readShare) / option.primaryCores();
        double eachReplica = load * readShare / (option.replicas() * option.replicaCores());
        return Math.max(primary, eachReplica); // the first server to run hot ends the runway
    }

    /** The first month in which the busiest server reaches the critical utilization; empty if not within {@link #HORIZON_MONTHS}. */
    public OptionalInt monthsUntilCritical(Option option) {
        for (int month = 0; month <= HORIZON_MONTHS; month++) {
            if (utilization(option, month) >= criticalUtilization) {
                return OptionalInt.of(month);
            }
        }
        return OptionalInt.empty();
    }

    /**
     * What {@code option} costs per month. A bigger machine is superlinear (2x the cores costs 3x the
     * bill, 4x costs 9x); more machines are linear (each replica adds its own bill).
     */
    public double monthlyCost(Option option) {
        validate(option);
        return serverCost(option.primaryCores()) + option.replicas() * serverCost(option.replicaCores());
    }

    private double serverCost(double cores) {
        return monthlyBill * Math.pow(cores, COST_EXPONENT);
    }

    private static void validate(Option option) {
        require(option != null, "option must not be null");
        require(option.primaryCores() > 0, "the primary needs more than 0 cores (1.0 is today's server), got "
                + option.primaryCores() + " in \"" + option.name() + "\"");
        require(option.replicas() >= 0, "replicas must be 0 or more, got " + option.replicas() + " in \"" + option.name() + "\"");
        require(option.replicas() == 0 || option.replicaCores() > 0, "each replica needs more than 0 cores, got "
                + option.replicaCores() + " in \"" + option.name() + "\"");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
