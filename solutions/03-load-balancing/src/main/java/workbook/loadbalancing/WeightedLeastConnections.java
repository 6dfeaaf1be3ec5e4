package workbook.loadbalancing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Weighted least connections: the request goes to the server with the fewest requests in flight per
 * unit of weight (active / weight). A 16-core server with weight 2 and 4 requests in flight (2 per
 * unit) is as busy as an 8-core server with weight 1 and 2 in flight.
 * <p>
 * The ratios are compared by cross-multiplying (a.active x b.weight against b.active x a.weight), so
 * that no integer division rounds 3/4 down to 0 and makes two different loads look equal.
 * Ties are broken by a random choice among the tied servers.
 */
public final class WeightedLeastConnections implements Balancer {
    private final Random random;

    public WeightedLeastConnections(Random random) {
        this.random = random;
    }

    @Override
    public synchronized Server pick(List<Server> servers, String clientKey) {
        List<Server> lightest = new ArrayList<>();
        long bestActive = 0;
        long bestWeight = 1;
        for (Server server : servers) {
            long active = server.activeConnections();
            long weight = server.weight();
            long comparison = Long.compare(active * bestWeight, bestActive * weight);
            if (lightest.isEmpty() || comparison < 0) {
                lightest.clear();
                bestActive = active;
                bestWeight = weight;
                lightest.add(server);
            } else if (comparison == 0) {
                lightest.add(server);
            }
        }
        return lightest.get(random.nextInt(lightest.size()));
    }
}
