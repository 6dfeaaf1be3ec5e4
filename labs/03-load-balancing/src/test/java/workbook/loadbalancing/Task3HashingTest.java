package workbook.loadbalancing;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@Task(3)
class Task3HashingTest {
    static final int KEYS = 100_000;

    @Test
    void ipHashSendsTheSameClientToTheSameServer() {
        List<Server> servers = servers(10);
        Balancer balancer = new IpHash();
        Map<String, Integer> perServer = new HashMap<>();
        for (int i = 0; i < 1000; i++) {
            String client = clientIp(i);
            Server first = balancer.pick(servers, client);
            assertThat(balancer.pick(servers, client))
                    .as("client %s asked twice; IP hash must send it to the same server both times", client)
                    .isSameAs(first);
            perServer.merge(first.name(), 1, Integer::sum);
        }
        assertThat(perServer)
                .as("1000 clients over 10 servers: the hash should spread them over every server")
                .hasSize(10);
    }

    @Test
    void removingOneOfTenServersMovesNineTenthsOfTheKeysWithHashModN() {
        List<Server> ten = servers(10);
        List<Server> nine = withoutOne(ten);

        double moved = movedFraction(new IpHash(), ten, new IpHash(), nine);

        assertThat(moved)
                .as("share of %d client keys that changed server when 1 of 10 servers left, with hash mod N. "
                        + "A key stays only if hash mod 10 equals hash mod 9: about 1 in 10 does, so about 9/10 move "
                        + "(and lose their sessions)", KEYS)
                .isBetween(0.85, 0.95);
    }

    @Test
    void removingOneOfTenServersMovesAboutOneTenthOfTheKeysWithConsistentHashing() {
        List<Server> ten = servers(10);
        List<Server> nine = withoutOne(ten);
        Server removed = ten.get(4);
        Balancer before = new ConsistentHash(200);
        Balancer after = new ConsistentHash(200);

        int moved = 0;
        int movedFromSurvivors = 0;
        for (int i = 0; i < KEYS; i++) {
            String key = clientIp(i);
            Server was = before.pick(ten, key);
            Server now = after.pick(nine, key);
            if (was != now) {
                moved++;
                if (was != removed) {
                    movedFromSurvivors++;
                }
            }
        }

        assertThat(moved / (double) KEYS)
                .as("share of %d keys that changed server when 1 of 10 servers left, with consistent hashing "
                        + "(200 virtual nodes each): only the removed server's keys should move, about 1/10", KEYS)
                .isBetween(0.07, 0.13);
        assertThat(movedFromSurvivors)
                .as("keys that moved although their server is still there: a server's points on the ring must "
                        + "depend on its name only, not on the other servers or its position in the list")
                .isZero();
    }

    @Test
    void withEnoughVirtualNodesEveryServerGetsWithinTenPercentOfAnEvenShare() {
        List<Server> servers = servers(10);
        Map<String, Integer> shares = shares(new ConsistentHash(500), servers);

        assertThat(shares.values())
                .as("keys per server out of %d over 10 servers with 500 virtual nodes each: %s. "
                        + "Each should be within 10%% of %d", KEYS, shares, KEYS / 10)
                .hasSize(10)
                .allSatisfy(n -> assertThat(n).isBetween(9_000, 11_000));
    }

    @Test
    void withOneVirtualNodeTheRingIsLopsided() {
        Map<String, Integer> shares = shares(new ConsistentHash(1), servers(10));
        int largest = shares.values().stream().mapToInt(Integer::intValue).max().orElse(0);

        assertThat(largest)
                .as("keys on the busiest of 10 servers with one point each on the ring: %s. Ten random points "
                        + "cut the ring into very unequal arcs, which is why virtual nodes exist", shares)
                .isGreaterThan(13_000);
    }

    static List<Server> servers(int count) {
        List<Server> servers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            servers.add(Server.named("server-" + i));
        }
        return servers;
    }

    static List<Server> withoutOne(List<Server> servers) {
        List<Server> fewer = new ArrayList<>(servers);
        fewer.remove(4);
        return fewer;
    }

    static String clientIp(int i) {
        return "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255);
    }

    static double movedFraction(Balancer before, List<Server> serversBefore, Balancer after, List<Server> serversAfter) {
        int moved = 0;
        for (int i = 0; i < KEYS; i++) {
            String key = clientIp(i);
            if (before.pick(serversBefore, key) != after.pick(serversAfter, key)) {
                moved++;
            }
        }
        return moved / (double) KEYS;
    }

    static Map<String, Integer> shares(Balancer balancer, List<Server> servers) {
        Map<String, Integer> shares = new HashMap<>();
        for (int i = 0; i < KEYS; i++) {
            shares.merge(balancer.pick(servers, clientIp(i)).name(), 1, Integer::sum);
        }
        return shares;
    }
}
