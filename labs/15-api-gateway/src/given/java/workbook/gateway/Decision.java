package workbook.gateway;

/**
 * The limit stage's answer for one request: let it through or not, and what the gateway tells the
 * client about its quota ({@code policy} is the plan's name, {@code limit} requests per
 * {@code windowSeconds}; {@code remaining} requests left; {@code resetSeconds} until the window ends).
 */
public record Decision(boolean allowed, String policy, int limit, long windowSeconds, int remaining, long resetSeconds) {
    /** No limit at all: the gateway sends no RateLimit fields. For the tests of other tasks. */
    public static Decision unlimited() {
        return new Decision(true, null, 0, 0, 0, 0);
    }
}
