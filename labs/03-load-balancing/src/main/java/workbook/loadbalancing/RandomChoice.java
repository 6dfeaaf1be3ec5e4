package workbook.loadbalancing;

import java.util.List;
import java.util.Random;

/** Random: any server, each with the same chance, drawn from the {@link Random} given here. */
public final class RandomChoice implements Balancer {
    private final Random random;

    public RandomChoice(Random random) {
        this.random = random;
    }

    @Override
    public Server pick(List<Server> servers, String clientKey) {
        throw new UnsupportedOperationException("Task 4: a uniformly random server");
    }
}
