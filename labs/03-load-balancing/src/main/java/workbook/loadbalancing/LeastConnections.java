package workbook.loadbalancing;

import java.util.List;
import java.util.Random;

/**
 * Least connections: the request goes to the server with the fewest requests in flight
 * ({@link Server#activeConnections()}). Ties are broken by a random choice among the tied servers,
 * drawn from the {@link Random} given here so that a test can repeat a run.
 */
public final class LeastConnections implements Balancer {
    private final Random random;

    public LeastConnections(Random random) {
        this.random = random;
    }

    @Override
    public Server pick(List<Server> servers, String clientKey) {
        throw new UnsupportedOperationException("Task 2: choose the server with the fewest active connections; "
                + "on a tie, a random one of the tied servers");
    }
}
