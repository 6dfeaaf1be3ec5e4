package workbook.loadbalancing;

import java.util.List;
import java.util.Random;

/**
 * The power of two choices: sample two different servers at random and send the request to the one
 * with fewer requests in flight. It reads only two counters, yet it almost never lets a server pile
 * up, because the busiest server can lose every comparison it takes part in. Envoy's default
 * "least request" balancer works this way.
 */
public final class PowerOfTwoChoices implements Balancer {
    private final Random random;

    public PowerOfTwoChoices(Random random) {
        this.random = random;
    }

    @Override
    public synchronized Server pick(List<Server> servers, String clientKey) {
        if (servers.size() == 1) {
            return servers.get(0);
        }
        int first = random.nextInt(servers.size());
        // Draw the second from the other size-1 servers, so the two are never the same server.
        int second = random.nextInt(servers.size() - 1);
        if (second >= first) {
            second++;
        }
        Server a = servers.get(first);
        Server b = servers.get(second);
        return b.activeConnections() < a.activeConnections() ? b : a;
    }
}
