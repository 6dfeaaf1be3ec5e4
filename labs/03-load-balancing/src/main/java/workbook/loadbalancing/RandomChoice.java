package workbook.loadbalancing;

import java.util.List;
import java.util.Random;

/** Random: any server, each with the same chance, drawn from the {@link Random} given here. */
public record RandomChoice(Random random) implements Balancer {

    @Override
    public Server pick(List<Server> servers, String clientKey) {
        throw new UnsupportedOperationException("Task 4: a uniformly random server");
    }
}
