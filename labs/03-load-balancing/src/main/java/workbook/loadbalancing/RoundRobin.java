package workbook.loadbalancing;

import java.util.List;

/**
 * Round-robin: each request goes to the next server in turn. It reads no signal at all, so it cannot
 * tell a slow or small server from a fast, big one: every server gets the same number of requests.
 */
public final class RoundRobin implements Balancer {

    @Override
    public Server pick(List<Server> servers, String clientKey) {
        throw new UnsupportedOperationException("Task 1: return the servers in turn, a b c a b c..., "
                + "and keep working when the list changes size between calls");
    }
}
