package workbook.loadbalancing;

import java.util.List;

/**
 * A load-balancing algorithm: given the servers that may take the next request, choose one.
 * <p>
 * {@code servers} is the list of servers that are up right now; it can change from one call to the
 * next (a server is ejected by a health check, or added by autoscaling), so an algorithm must only
 * ever return one of the servers it is given. {@code clientKey} identifies the client (its IP
 * address); only hashing algorithms use it. Implementations are called by many request threads at
 * once, so they must be thread-safe.
 */
public interface Balancer {
    /**
     * @param servers   the candidates, never empty
     * @param clientKey the client's address or another stable key for the client
     * @return one of {@code servers}
     */
    Server pick(List<Server> servers, String clientKey);
}
