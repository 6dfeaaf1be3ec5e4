package workbook.loadbalancing;

import java.util.List;

/**
 * IP hash: the client's key picks the server, hash(key) mod N. The same client always reaches the same
 * server, as long as N does not change. When it does, almost every key lands somewhere else: with
 * 10 servers becoming 9, a key stays put only if hash mod 10 and hash mod 9 happen to agree.
 */
public final class IpHash implements Balancer {

    @Override
    public Server pick(List<Server> servers, String clientKey) {
        // floorMod, not %: the hash is negative half of the time, and a negative index is no server.
        int index = (int) Math.floorMod(Hashing.hash(clientKey), (long) servers.size());
        return servers.get(index);
    }
}
