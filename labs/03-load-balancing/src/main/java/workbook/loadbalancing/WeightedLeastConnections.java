package workbook.loadbalancing;

import java.util.List;
import java.util.Random;

/**
 * Weighted least connections: the request goes to the server with the fewest requests in flight per
 * unit of weight (active / weight). Ties are broken by a random choice among the tied servers.
 */
public final class WeightedLeastConnections implements Balancer {
    private final Random random;

    public WeightedLeastConnections(Random random) {
        this.random = random;
    }

    @Override
    public Server pick(List<Server> servers, String clientKey) {
        throw new UnsupportedOperationException("Task 2: choose the server with the lowest active / weight; "
                + "on a tie, a random one of the tied servers");
    }
}
