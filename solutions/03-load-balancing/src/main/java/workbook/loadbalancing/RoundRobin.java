package workbook.loadbalancing;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Round-robin: each request goes to the next server in turn. It reads no signal at all, so it cannot
 * tell a slow or small server from a fast, big one: every server gets the same number of requests.
 */
public final class RoundRobin implements Balancer {
    // A counter rather than an index into the list: the list can shrink or grow between calls, and
    // counter % size is always a valid position.
    private final AtomicLong next = new AtomicLong();

    @Override
    public Server pick(List<Server> servers, String clientKey) {
        long turn = next.getAndIncrement();
        return servers.get((int) Math.floorMod(turn, (long) servers.size()));
    }
}
