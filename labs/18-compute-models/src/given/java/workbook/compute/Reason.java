package workbook.compute;

/** Why Task 5's advisor ruled a model out, priced it up, or chose it. */
public enum Reason {
    NEEDS_GPU("it needs a GPU: functions and containers in this price list have none"),
    LONGER_THAN_GATEWAY_LIMIT("a synchronous request runs longer than the gateway's 29 s limit"),
    LONGER_THAN_FUNCTION_LIMIT("a request runs longer than a function's 15 minutes"),
    MORE_MEMORY_THAN_A_FUNCTION("it needs more memory than a function can have"),
    HEAVY_SHARED_STATE("it needs a large warm in-process state, which isolated function instances lose"),
    COLD_STARTS_NEED_PROVISIONED_CONCURRENCY("a cold start would break its p99 budget, so functions are priced with provisioned concurrency"),
    CHEAPEST("the cheapest of the models left");

    private final String explanation;

    Reason(String explanation) {
        this.explanation = explanation;
    }

    public String explanation() {
        return explanation;
    }
}
