package workbook.replicas;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.ReplicatedPostgres;
import workbook.labkit.testing.MutableClock;
import workbook.labkit.testing.Task;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

@Task(2)
class Task2ReadYourWritesTest {
    @RegisterExtension
    static final ReplicatedPostgres cluster = ReplicatedPostgres.primaryWithStandbys(2);

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-05-04T10:00:00Z"));

    @Test
    void stickyReadsSeeTheUsersOwnWritesUnderLag() throws Exception {
        Cluster.seed(cluster, 10);
        Node primary = Cluster.primary(cluster);
        var standbys = Cluster.standbys(cluster);
        StickyReads sticky = new StickyReads(new ReplicaRouter(primary, standbys), clock, Duration.ofSeconds(2));
        Cluster.lag(cluster, 500);
        int stale = 0;
        for (int i = 0; i < 200; i++) {
            String user = "user-" + (i % 10);
            Profiles.write(sticky.forWrite(user), user, "cycle-" + i);
            clock.advanceMillis(5);
            if (!Profiles.read(sticky.forRead(user), user).equals(Optional.of("cycle-" + i))) {
                stale++;
            }
        }
        System.out.printf("[Task 2] stickiness, 500 ms lag: %d stale of 200; reads on primary %d, standbys %d%n",
                stale, Cluster.reads(primary), Cluster.reads(standbys.get(0)) + Cluster.reads(standbys.get(1)));
        assertThat(stale).as("stale reads of 200 write-then-read cycles, 500 ms of lag, 2 s of stickiness").isZero();
        assertThat(Cluster.reads(primary)).as("reads on the primary: each read came right after its user's write").isEqualTo(200);
    }

    @Test
    void stickinessIsPerUserAndEndsWithItsWindow() {
        Node primary = Cluster.primary(cluster);
        StickyReads sticky = new StickyReads(new ReplicaRouter(primary, Cluster.standbys(cluster)), clock, Duration.ofSeconds(2));
        assertThat(sticky.forWrite("ana").name()).as("server for ana's write").isEqualTo("primary");
        assertThat(sticky.forRead("bo").name()).as("bo has not written: his read goes to a standby").isEqualTo("standby1");
        clock.advance(Duration.ofMillis(1_999));
        assertThat(sticky.forRead("ana").name()).as("ana's read 1.999 s after her write, with a 2 s window").isEqualTo("primary");
        clock.advance(Duration.ofMillis(1));
        assertThat(sticky.forRead("ana").name()).as("ana's read 2 s after her write: the window is over").isEqualTo("standby2");
        sticky.forWrite("ana");
        clock.advance(Duration.ofMillis(500));
        assertThat(sticky.forRead("ana").name()).as("ana's read 0.5 s after her second write: the window starts again").isEqualTo("primary");
    }

    @Test
    void lsnWaitsReadFromTheStandbyOnceItHasReplayedTheWrite() throws Exception {
        Cluster.seed(cluster, 3);
        Node primary = Cluster.primary(cluster);
        var standbys = Cluster.standbys(cluster);
        LsnReads reads = new LsnReads(new ReplicaRouter(primary, standbys), Duration.ofSeconds(10));
        Cluster.lag(cluster, 300);
        int stale = 0;
        for (int i = 0; i < 4; i++) {
            String user = "user-" + (i % 3);
            Lsn committed = Profiles.write(primary, user, "cycle-" + i);
            Node node = reads.forReadAfter(committed);
            assertThat(node.name()).as("server for read %d after its write, with 300 ms of lag and up to 10 s to wait", i)
                    .isEqualTo(i % 2 == 0 ? "standby1" : "standby2");
            if (!Profiles.read(node, user).equals(Optional.of("cycle-" + i))) {
                stale++;
            }
        }
        assertThat(stale).as("stale reads of 4 cycles that waited for the standby to replay the commit LSN").isZero();
        assertThat(reads.fallbacks()).as("reads that fell back to the primary").isZero();
        assertThat(Cluster.reads(primary)).as("reads on the primary").isZero();
    }

    @Test
    void lsnWaitsFallBackToThePrimaryWhenTheStandbyIsTooFarBehind() throws Exception {
        Cluster.seed(cluster, 3);
        Node primary = Cluster.primary(cluster);
        LsnReads reads = new LsnReads(new ReplicaRouter(primary, Cluster.standbys(cluster)), Duration.ofMillis(50));
        Cluster.lag(cluster, 2_000);
        int stale = 0;
        for (int i = 0; i < 3; i++) {
            String user = "user-" + i;
            Lsn committed = Profiles.write(primary, user, "cycle-" + i);
            Node node = reads.forReadAfter(committed);
            assertThat(node.name()).as("server for a read after its write, with 2 s of lag and at most 50 ms to wait").isEqualTo("primary");
            if (!Profiles.read(node, user).equals(Optional.of("cycle-" + i))) {
                stale++;
            }
        }
        assertThat(stale).as("stale reads of 3 cycles").isZero();
        assertThat(reads.fallbacks()).as("reads that fell back to the primary, of 3").isEqualTo(3);
    }
}
