package workbook.compute;

import java.time.Duration;

/**
 * Task 1 (and Task 2's provisioned concurrency): what a workload costs a month on each compute
 * model, from the assumptions in {@link Prices}. Money is in US dollars.
 */
public final class CostModel {
    private CostModel() {
    }

    /** Requests in a month: the day's 24 hourly rates, each for 3600 s, times the days of a 730-hour month. */
    public static double monthlyRequests(Workload workload) {
        throw new UnsupportedOperationException("Task 1: add up a day's requests and scale the day to a 730-hour month");
    }

    /** Functions: every request pays the request price and its wall time in GB-seconds of its memory. */
    public static double functionMonthly(Workload workload) {
        throw new UnsupportedOperationException("Task 1: price each request and its GB-seconds");
    }

    /**
     * Containers scale with the hour: each hour runs enough 1-vCPU containers for that hour's CPU
     * (rate x CPU per request) at the target utilisation, never fewer than the always-on minimum.
     */
    public static double containerMonthly(Workload workload) {
        throw new UnsupportedOperationException("Task 1: count containers hour by hour and price container-hours");
    }

    /**
     * Virtual machines scale in minutes, so they are sized for the day's busiest hour and run all
     * month; a workload that needs a GPU gets GPU machines.
     */
    public static double vmMonthly(Workload workload) {
        throw new UnsupportedOperationException("Task 1: size machines for the busiest hour and price them for the month");
    }

    /** The monthly cost of one model. */
    public static double monthly(Model model, Workload workload) {
        throw new UnsupportedOperationException("Task 1: pick the cost of the given model");
    }

    /**
     * The smallest steady rate, in whole requests per second, at which functions cost more a month
     * than containers for requests of this duration, CPU and memory; -1 if they never do up to
     * {@code maxRate}.
     */
    public static int crossoverRate(Duration duration, Duration cpu, int memoryMb, int maxRate) {
        throw new UnsupportedOperationException("Task 1: find the first steady rate where functions cost more than containers");
    }

    /** Task 2: keeping {@code instances} function instances of this memory warm all month. */
    public static double provisionedMonthly(int instances, int memoryMb) {
        throw new UnsupportedOperationException("Task 2: price GB-seconds of provisioned concurrency for a month");
    }
}
