package workbook.replicas;

import eu.rekawek.toxiproxy.model.ToxicDirection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.ReplicatedPostgres;
import workbook.labkit.Toxi;
import workbook.labkit.testing.MutableClock;
import workbook.labkit.testing.Task;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Hidden cases for Task 2: no standby, a standby that is down, one lagging standby of two, many users. */
@Task(2)
class HiddenTask2ReadYourWritesTest {
    @RegisterExtension
    static final ReplicatedPostgres cluster = ReplicatedPostgres.primaryWithStandbys(2);

    @RegisterExtension
    static final Toxi toxi = Toxi.create();

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-05-04T10:00:00Z"));

    @Test
    void withoutStandbysTheLsnReadGoesToThePrimaryWithoutAFallback() throws Exception {
        Cluster.seed(cluster, 1);
        Node primary = Cluster.primary(cluster);
        LsnReads reads = new LsnReads(new ReplicaRouter(primary, List.of()), Duration.ofSeconds(10));
        Lsn committed = Profiles.write(primary, "user-0", "alone");
        assertThat(reads.forReadAfter(committed).name()).as("server for a read after a write, with no standby").isEqualTo("primary");
        assertThat(reads.fallbacks()).as("fallbacks with no standby to fall back from: the primary was the choice, not a fallback").isZero();
    }

    @Test
    void aStandbyThatIsDownCountsAsBehindAndTheReadFallsBack() throws Exception {
        Cluster.seed(cluster, 1);
        Toxi.Proxied toStandby = toxi.proxy("standby1", cluster.standbyUpstream(0));
        Node down = new Node("standby1", cluster.newPool(cluster.jdbcUrl(toStandby), config -> config.setConnectionTimeout(250)));
        Node primary = Cluster.primary(cluster);
        LsnReads reads = new LsnReads(new ReplicaRouter(primary, List.of(down)), Duration.ofMillis(300));
        toStandby.disable();
        Lsn committed = Profiles.write(primary, "user-0", "while standby1 is down");
        Node node = reads.forReadAfter(committed);
        assertThat(node.name()).as("server for a read after a write while the only standby is unreachable").isEqualTo("primary");
        assertThat(Profiles.read(node, "user-0")).as("the read").contains("while standby1 is down");
        assertThat(reads.fallbacks()).as("fallbacks").isEqualTo(1);
    }

    @Test
    void eachReadWaitsOnItsOwnStandby() throws Exception {
        Cluster.seed(cluster, 2);
        Node primary = Cluster.primary(cluster);
        LsnReads reads = new LsnReads(new ReplicaRouter(primary, Cluster.standbys(cluster)), Duration.ofSeconds(2));
        cluster.replicationLink(0).toxics().latency("standby1-behind", ToxicDirection.DOWNSTREAM, 10_000);
        Lsn first = Profiles.write(primary, "user-0", "one");
        assertThat(reads.forReadAfter(first).name()).as("first read: its turn is standby1, 10 s behind, with 2 s to wait").isEqualTo("primary");
        Lsn second = Profiles.write(primary, "user-1", "two");
        Node node = reads.forReadAfter(second);
        assertThat(node.name()).as("second read: its turn is standby2, which is not behind").isEqualTo("standby2");
        assertThat(Profiles.read(node, "user-1")).as("what standby2 returns").contains("two");
        assertThat(reads.fallbacks()).as("fallbacks: only the first read").isEqualTo(1);
    }

    @Test
    void stickinessHoldsForManyUsersAtOnce() throws Exception {
        Cluster.seed(cluster, 30);
        Node primary = Cluster.primary(cluster);
        var standbys = Cluster.standbys(cluster);
        StickyReads sticky = new StickyReads(new ReplicaRouter(primary, standbys), clock, Duration.ofSeconds(5));
        Cluster.lag(cluster, 400);
        int stale = 0;
        for (int i = 0; i < 60; i++) {
            String user = "user-" + (i % 30);
            Profiles.write(sticky.forWrite(user), user, "v" + i);
        }
        clock.advance(Duration.ofMillis(4_999));
        for (int u = 0; u < 30; u++) {
            String user = "user-" + u;
            if (!Profiles.read(sticky.forRead(user), user).equals(Optional.of("v" + (30 + u)))) {
                stale++;
            }
        }
        assertThat(stale).as("stale reads of 30 users 4.999 s after their last write, 5 s of stickiness, 400 ms of lag").isZero();
        assertThat(Cluster.reads(primary)).as("reads on the primary").isEqualTo(30);
    }

    @Test
    void aZeroWindowIsNoStickinessAtAll() {
        Node primary = Cluster.primary(cluster);
        StickyReads sticky = new StickyReads(new ReplicaRouter(primary, Cluster.standbys(cluster)), clock, Duration.ZERO);
        sticky.forWrite("ana");
        assertThat(sticky.forRead("ana").name()).as("ana's read at the instant of her write, with a window of zero").isEqualTo("standby1");
    }
}
