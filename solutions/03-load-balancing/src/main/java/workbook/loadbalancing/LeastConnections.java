package workbook.loadbalancing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Least connections: the request goes to the server with the fewest requests in flight. A slow
 * server holds its requests longer, so its count stays high and it is chosen less: the algorithm
 * reads a signal that follows the real load.
 * <p>
 * Ties (at the start every server has 0) are broken by a random choice among the tied servers.
 * Always taking the first would send every request of a quiet period to the same server.
 */
public final class LeastConnections implements Balancer {
    private final Random random;

    public LeastConnections(Random random) {
        this.random = random;
    }

    @Override
    public synchronized Server pick(List<Server> servers, String clientKey) {
        List<Server> fewest = new ArrayList<>();
        int least = Integer.MAX_VALUE;
        for (Server server : servers) {
            int active = server.activeConnections(); // read once: it changes under our feet
            if (active < least) {
                least = active;
                fewest.clear();
            }
            if (active == least) {
                fewest.add(server);
            }
        }
        return fewest.get(random.nextInt(fewest.size()));
    }
}
