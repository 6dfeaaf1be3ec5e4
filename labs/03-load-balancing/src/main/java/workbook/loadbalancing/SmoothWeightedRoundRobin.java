package workbook.loadbalancing;

import java.util.List;

/**
 * Weighted round-robin as nginx does it ("smooth"): a server with weight 3 gets 3 of every
 * (sum of weights) requests, and its turns are spread out instead of coming in a run: weights
 * a=5, b=1, c=1 give a a b a c a a.
 */
public final class SmoothWeightedRoundRobin implements Balancer {

    @Override
    public Server pick(List<Server> servers, String clientKey) {
        throw new UnsupportedOperationException("Task 1: keep a running score per server; on each pick add "
                + "each server's weight to its score, choose the highest, and take the total weight off the winner");
    }
}
