package workbook.retries;

/**
 * Runs between the steps of handling one idempotent request. Tests make a step throw to play "the
 * process dies here", or block to hold a request in the middle while another one arrives.
 */
public interface IdempotencySteps {
    IdempotencySteps NONE = new IdempotencySteps() {
    };

    /** After this request has claimed its key (or, with no claim, where the claim would be), before the charge. */
    default void afterClaim(String key) {
    }

    /** After the charge is written, before the reply is recorded for replays. */
    default void afterCharge(String key) {
    }
}
