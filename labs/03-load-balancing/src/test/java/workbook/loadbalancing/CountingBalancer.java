package workbook.loadbalancing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps a balancer and counts what it chose. The proxy forwards every attempt to the server its
 * balancer picks, so these counts are the attempts each server got, even a server that is down and
 * cannot count anything itself.
 */
final class CountingBalancer implements Balancer {
    private final Balancer inner;
    private final Map<String, AtomicInteger> picks = new ConcurrentHashMap<>();

    CountingBalancer(Balancer inner) {
        this.inner = inner;
    }

    @Override
    public Server pick(List<Server> servers, String clientKey) {
        Server chosen = inner.pick(servers, clientKey);
        picks.computeIfAbsent(chosen.name(), name -> new AtomicInteger()).incrementAndGet();
        return chosen;
    }

    int picksOf(String server) {
        AtomicInteger count = picks.get(server);
        return count == null ? 0 : count.get();
    }

    int totalPicks() {
        return picks.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    void reset() {
        picks.clear();
    }
}
