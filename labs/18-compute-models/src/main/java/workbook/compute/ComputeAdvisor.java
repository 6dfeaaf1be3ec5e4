package workbook.compute;

import java.time.Duration;

/** Task 5: a compute model for a workload, from the hard limits first and the costs of Tasks 1 and 2 second. */
public final class ComputeAdvisor {

    /** @param coldStart the cold start to plan for (Task 2's slow ones: its p99) */
    public ComputeAdvisor(Duration coldStart) {
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
        throw new UnsupportedOperationException("Task 5: apply the hard limits, price what is left, pick the cheapest");
    }
}
