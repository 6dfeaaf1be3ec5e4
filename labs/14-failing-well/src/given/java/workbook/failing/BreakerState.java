package workbook.failing;

/** The three states of a circuit breaker. */
public enum BreakerState {
    /** Calls go through; outcomes are recorded in the sliding window. */
    CLOSED,
    /** Calls are refused at once until the cooldown has passed. */
    OPEN,
    /** The cooldown has passed: one probe call may go through; its outcome decides. */
    HALF_OPEN
}
