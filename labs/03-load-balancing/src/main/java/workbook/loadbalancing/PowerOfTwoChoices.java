package workbook.loadbalancing;

import java.util.List;
import java.util.Random;

/**
 * The power of two choices: sample two different servers at random and send the request to the one
 * with fewer requests in flight. Envoy's default "least request" balancer works this way.
 */
public final class PowerOfTwoChoices implements Balancer {
    private final Random random;

    public PowerOfTwoChoices(Random random) {
        this.random = random;
    }

    @Override
    public Server pick(List<Server> servers, String clientKey) {
        throw new UnsupportedOperationException("Task 4: draw two different servers at random and return the "
                + "one with fewer active connections");
    }
}
