package workbook.loadbalancing;

import java.util.List;
import java.util.Random;

/**
 * Random: any server, each with the same chance. Over many requests the counts even out, but at any
 * moment some servers are unlucky and hold far more requests than others.
 */
public record RandomChoice(Random random) implements Balancer {

    @Override
    public Server pick(List<Server> servers, String clientKey) {
        return servers.get(random.nextInt(servers.size()));
    }
}
