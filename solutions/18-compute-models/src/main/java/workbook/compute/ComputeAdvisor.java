package workbook.compute;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Task 5: a compute model for a workload, from the hard limits first and the costs of Tasks 1 and 2 second. */
public final class ComputeAdvisor {
    private final Duration coldStart;

    /** @param coldStart the cold start to plan for (Task 2's slow ones: its p99) */
    public ComputeAdvisor(Duration coldStart) {
        this.coldStart = coldStart;
    }

    /**
     * Rules, in this order, each adding its {@link Reason} when it applies: a GPU rules out functions
     * and containers; a synchronous request longer than the gateway limit, a request longer than the
     * function limit, more memory than a function can have, or heavy shared state rule out functions;
     * if functions are left and a cold start plus the request's duration would break the p99 budget,
     * functions are priced with provisioned concurrency for the busiest hour's concurrency. Then the
     * cheapest model left wins ({@link Reason#CHEAPEST}); on a tie, the more managed one.
     */
    public Recommendation recommend(Workload workload) {
        List<Reason> reasons = new ArrayList<>();
        Map<Model, Double> costs = new EnumMap<>(Model.class);
        boolean functions = true;
        boolean containers = true;
        if (workload.needsGpu()) {
            reasons.add(Reason.NEEDS_GPU);
            functions = false;
            containers = false;
        }
        if (workload.synchronous() && workload.duration().compareTo(Duration.ofSeconds(Prices.GATEWAY_LIMIT_SECONDS)) > 0) {
            reasons.add(Reason.LONGER_THAN_GATEWAY_LIMIT);
            functions = false;
        }
        if (workload.duration().compareTo(Duration.ofSeconds(Prices.FUNCTION_LIMIT_SECONDS)) > 0) {
            reasons.add(Reason.LONGER_THAN_FUNCTION_LIMIT);
            functions = false;
        }
        if (workload.memoryMb() > Prices.FUNCTION_MAX_MEMORY_MB) {
            reasons.add(Reason.MORE_MEMORY_THAN_A_FUNCTION);
            functions = false;
        }
        if (workload.heavySharedState()) {
            reasons.add(Reason.HEAVY_SHARED_STATE);
            functions = false;
        }
        if (functions) {
            double cost = CostModel.functionMonthly(workload);
            if (workload.duration().plus(coldStart).compareTo(workload.p99Budget()) > 0) {
                reasons.add(Reason.COLD_STARTS_NEED_PROVISIONED_CONCURRENCY);
                cost += CostModel.provisionedMonthly(peakConcurrency(workload), workload.memoryMb());
            }
            costs.put(Model.FUNCTION, cost);
        }
        if (containers) {
            costs.put(Model.CONTAINER, CostModel.containerMonthly(workload));
        }
        costs.put(Model.VM, CostModel.vmMonthly(workload));
        reasons.add(Reason.CHEAPEST);
        Model cheapest = null;
        // Models in the enum's order, from most managed: on a tie, the one with less to operate wins.
        for (Map.Entry<Model, Double> entry : costs.entrySet()) {
            if (cheapest == null || entry.getValue() < costs.get(cheapest)) {
                cheapest = entry.getKey();
            }
        }
        return new Recommendation(cheapest, costs, reasons);
    }

    /** Instances busy at once in the busiest hour (Little's law: rate x duration), rounded up: what must be kept warm. */
    static int peakConcurrency(Workload workload) {
        double peak = 0;
        for (double rate : workload.requestsPerSecond()) {
            peak = Math.max(peak, rate);
        }
        return (int) Math.ceil(peak * workload.duration().toNanos() / 1e9);
    }
}
