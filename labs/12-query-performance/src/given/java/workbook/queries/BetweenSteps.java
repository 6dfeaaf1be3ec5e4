package workbook.queries;

/**
 * A hook the order counter of Task 4 calls between its two writes: after the order row is inserted and
 * before the counter moves. Tests use it to crash the writer at that exact point, or to hold it there.
 */
@FunctionalInterface
public interface BetweenSteps {
    BetweenSteps NONE = orderId -> {
    };

    void afterOrderInserted(long orderId);
}
