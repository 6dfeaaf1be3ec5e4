package workbook.loadbalancing;

import java.util.List;

/**
 * IP hash: the client's key picks the server, hash(key) mod N, so the same client always reaches the
 * same server while the list of servers stays the same. Use {@link Hashing#hash(String)}.
 */
public final class IpHash implements Balancer {

    @Override
    public Server pick(List<Server> servers, String clientKey) {
        throw new UnsupportedOperationException("Task 3: servers.get(hash(clientKey) mod N); mind that the hash can be negative");
    }
}
