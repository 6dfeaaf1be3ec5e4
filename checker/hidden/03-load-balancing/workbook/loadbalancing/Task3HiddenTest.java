package workbook.loadbalancing;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@Task(3)
class Task3HiddenTest {

    private static List<Server> servers(int count) {
        List<Server> servers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            servers.add(Server.named("node-" + i));
        }
        return servers;
    }

    private static String key(int i) {
        return "192.168." + (i >> 8 & 255) + "." + (i & 255) + "/" + i;
    }

    @Test
    void oneConsistentHashFollowsTheServerListAsItChanges() {
        List<Server> ten = servers(10);
        List<Server> nine = new ArrayList<>(ten);
        Server removed = nine.remove(7);
        Balancer balancer = new ConsistentHash(200);

        List<Server> before = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            before.add(balancer.pick(ten, key(i)));
        }
        int moved = 0;
        for (int i = 0; i < 50_000; i++) {
            Server now = balancer.pick(nine, key(i));
            assertThat(now).as("key %s after %s left: the same balancer must stop returning the removed server", key(i), removed)
                    .isNotSameAs(removed);
            if (now != before.get(i)) {
                moved++;
            }
        }
        assertThat(moved / 50_000.0).as("share of keys moved when 1 of 10 left, one balancer instance").isBetween(0.07, 0.13);
    }

    @Test
    void aNewServerTakesKeysOnlyForItself() {
        List<Server> ten = servers(10);
        List<Server> eleven = new ArrayList<>(ten);
        Server added = Server.named("node-new");
        eleven.add(3, added);
        Balancer before = new ConsistentHash(200);
        Balancer after = new ConsistentHash(200);

        int moved = 0;
        for (int i = 0; i < 50_000; i++) {
            Server was = before.pick(ten, key(i));
            Server now = after.pick(eleven, key(i));
            if (was != now) {
                moved++;
                assertThat(now).as("key %s moved from %s when a server joined: it may only move to the new server", key(i), was)
                        .isSameAs(added);
            }
        }
        assertThat(moved / 50_000.0).as("share of keys the 11th server took: about 1/11").isBetween(0.06, 0.12);
    }

    @Test
    void eachServerSitsOnTheRingAtExactlyItsVirtualNodes() {
        List<Server> servers = servers(4);
        int virtualNodes = 3;
        // The ring the sheet describes, built here to know each key's owner.
        java.util.TreeMap<Long, Server> ring = new java.util.TreeMap<>();
        for (Server server : servers) {
            for (int i = 0; i < virtualNodes; i++) {
                ring.put(Hashing.hash(server.name() + "#" + i), server);
            }
        }
        Balancer balancer = new ConsistentHash(virtualNodes);
        int differ = 0;
        String firstDifference = null;
        for (int i = 0; i < 20_000; i++) {
            Long point = ring.ceilingKey(Hashing.hash(key(i)));
            Server expected = ring.get(point != null ? point : ring.firstKey());
            Server actual = balancer.pick(servers, key(i));
            if (actual != expected) {
                differ++;
                if (firstDifference == null) {
                    firstDifference = key(i) + " went to " + actual + ", its owner is " + expected;
                }
            }
        }
        assertThat(differ).as("keys sent to another server than the owner on a ring of 4 servers with 3 virtual nodes "
                + "each, at hash(name + \"#\" + i) for i = 0, 1, 2 (first: %s)", firstDifference).isZero();
    }
}
