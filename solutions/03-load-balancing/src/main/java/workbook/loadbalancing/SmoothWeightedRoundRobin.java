package workbook.loadbalancing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Weighted round-robin as nginx does it ("smooth"): a server with weight 3 gets 3 of every
 * (sum of weights) requests, and its turns are spread out instead of coming in a run.
 * <p>
 * Every server keeps a running score. On each pick, every candidate's score grows by its weight; the
 * highest score wins and pays back the total weight of all candidates. Over one cycle each score
 * grows by weight x total and shrinks by total once per win, so a server wins exactly weight times,
 * and a server that just won is behind the others until they have had their turns.
 */
public final class SmoothWeightedRoundRobin implements Balancer {
    private final Map<Server, Integer> scores = new HashMap<>();

    @Override
    public synchronized Server pick(List<Server> servers, String clientKey) {
        int totalWeight = 0;
        Server best = null;
        int bestScore = 0;
        for (Server server : servers) {
            int score = scores.merge(server, server.weight(), Integer::sum);
            totalWeight += server.weight();
            if (best == null || score > bestScore) { // strict: on a tie the earlier server wins
                best = server;
                bestScore = score;
            }
        }
        scores.put(best, bestScore - totalWeight);
        return best;
    }
}
