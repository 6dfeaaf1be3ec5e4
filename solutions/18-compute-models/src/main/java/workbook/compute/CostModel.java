package workbook.compute;

import java.time.Duration;

/**
 * Task 1 (and Task 2's provisioned concurrency): what a workload costs a month on each compute
 * model, from the assumptions in {@link Prices}. Money is in US dollars.
 */
public final class CostModel {
    private static final double DAYS_PER_MONTH = Prices.HOURS_PER_MONTH / 24;

    private CostModel() {
    }

    /** Requests in a month: the day's 24 hourly rates, each for 3600 s, times the days of a 730-hour month. */
    public static double monthlyRequests(Workload workload) {
        double perDay = 0;
        for (double rate : workload.requestsPerSecond()) {
            perDay += rate * 3600;
        }
        return perDay * DAYS_PER_MONTH;
    }

    /** Functions: every request pays the request price and its wall time in GB-seconds of its memory. */
    public static double functionMonthly(Workload workload) {
        double gbSecondsEach = seconds(workload.duration()) * workload.memoryMb() / Prices.MB_PER_GB;
        return monthlyRequests(workload) * (Prices.FUNCTION_PER_REQUEST + gbSecondsEach * Prices.FUNCTION_PER_GB_SECOND);
    }

    /**
     * Containers scale with the hour: each hour runs enough 1-vCPU containers for that hour's CPU
     * (rate x CPU per request) at the target utilisation, never fewer than the always-on minimum.
     */
    public static double containerMonthly(Workload workload) {
        double containerHour = Prices.CONTAINER_VCPUS * Prices.CONTAINER_PER_VCPU_HOUR + Prices.CONTAINER_GB * Prices.CONTAINER_PER_GB_HOUR;
        double containerHoursPerDay = 0;
        for (double rate : workload.requestsPerSecond()) {
            containerHoursPerDay += instancesFor(rate, workload.cpu(), Prices.CONTAINER_VCPUS);
        }
        return containerHoursPerDay * DAYS_PER_MONTH * containerHour;
    }

    /**
     * Virtual machines scale in minutes, so they are sized for the day's busiest hour and run all
     * month; a workload that needs a GPU gets GPU machines.
     */
    public static double vmMonthly(Workload workload) {
        double peak = 0;
        for (double rate : workload.requestsPerSecond()) {
            peak = Math.max(peak, rate);
        }
        double vcpus = workload.needsGpu() ? Prices.GPU_VM_VCPUS : Prices.VM_VCPUS;
        double hourly = workload.needsGpu() ? Prices.GPU_VM_PER_HOUR : Prices.VM_PER_HOUR;
        return instancesFor(peak, workload.cpu(), vcpus) * Prices.HOURS_PER_MONTH * hourly;
    }

    /** The monthly cost of one model. */
    public static double monthly(Model model, Workload workload) {
        return switch (model) {
            case FUNCTION -> functionMonthly(workload);
            case CONTAINER -> containerMonthly(workload);
            case VM -> vmMonthly(workload);
        };
    }

    /**
     * The smallest steady rate, in whole requests per second, at which functions cost more a month
     * than containers for requests of this duration, CPU and memory; -1 if they never do up to
     * {@code maxRate}.
     */
    public static int crossoverRate(Duration duration, Duration cpu, int memoryMb, int maxRate) {
        for (int rate = 1; rate <= maxRate; rate++) {
            Workload steady = Workload.api("steady", Workload.steady(rate), duration, cpu, memoryMb, duration);
            if (functionMonthly(steady) > containerMonthly(steady)) {
                return rate;
            }
        }
        return -1;
    }

    /** Task 2: keeping {@code instances} function instances of this memory warm all month. */
    public static double provisionedMonthly(int instances, int memoryMb) {
        return instances * memoryMb / Prices.MB_PER_GB * Prices.SECONDS_PER_MONTH * Prices.PROVISIONED_PER_GB_SECOND;
    }

    private static int instancesFor(double requestsPerSecond, Duration cpu, double vcpusEach) {
        double busyVcpus = requestsPerSecond * seconds(cpu);
        int needed = (int) Math.ceil(busyVcpus / (vcpusEach * Prices.TARGET_UTILISATION));
        return Math.max(Prices.MIN_ALWAYS_ON, needed);
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
