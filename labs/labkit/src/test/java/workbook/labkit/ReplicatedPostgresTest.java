package workbook.labkit;

import eu.rekawek.toxiproxy.model.ToxicDirection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The lab kit's streaming standbys (lab 11): real replication, lag a toxic can cause, and a link that can be cut. */
class ReplicatedPostgresTest {
    @RegisterExtension
    static final ReplicatedPostgres cluster = ReplicatedPostgres.primaryWithStandbys(2);

    @Test
    void standbysAreHotStandbysThatReceiveThePrimarysWrites() {
        JdbcTemplate primary = new JdbcTemplate(cluster.primary());
        primary.execute("create table item(id int primary key, name text)");
        primary.update("insert into item values (1, 'one'), (2, 'two')");
        cluster.awaitReplayed();
        for (int i = 0; i < 2; i++) {
            JdbcTemplate standby = new JdbcTemplate(cluster.standby(i));
            assertThat(standby.queryForObject("select pg_is_in_recovery()", Boolean.class)).as(cluster.standbyName(i) + " in recovery").isTrue();
            assertThat(standby.queryForObject("select count(*) from item", Integer.class)).as(cluster.standbyName(i) + " rows").isEqualTo(2);
        }
        assertThat(primary.queryForList("select application_name from pg_stat_replication order by 1", String.class))
                .contains("standby1", "standby2");
    }

    @Test
    void aLatencyToxicOnTheLinkGivesMeasurableLag() throws Exception {
        JdbcTemplate primary = new JdbcTemplate(cluster.primary());
        primary.execute("create table if not exists lagging(id int primary key)");
        cluster.awaitReplayed();
        cluster.replicationLink(0).toxics().latency("lag", ToxicDirection.DOWNSTREAM, 1_000);
        primary.update("insert into lagging select generate_series(1, 1000)");
        JdbcTemplate lagging = new JdbcTemplate(cluster.standby(0));
        assertThat(cluster.replayLagBytes(0)).as("WAL bytes standby1 has not replayed right after the insert").isPositive();
        assertThat(lagging.queryForObject("select count(*) from lagging", Integer.class)).as("rows on the lagging standby").isZero();
        // The other link has no toxic: standby2 catches up while standby1 is still a second behind.
        await().atMost(Duration.ofSeconds(10)).until(() -> new JdbcTemplate(cluster.standby(1))
                .queryForObject("select count(*) from lagging", Integer.class) == 1000);
        cluster.replicationLink(0).toxics().get("lag").remove();
        await().atMost(Duration.ofSeconds(10)).until(() -> lagging.queryForObject("select count(*) from lagging", Integer.class) == 1000);
    }

    @Test
    void aDisabledLinkStopsReplicationUntilItIsEnabled() {
        JdbcTemplate primary = new JdbcTemplate(cluster.primary());
        primary.execute("create table if not exists cut(id int primary key)");
        cluster.awaitReplayed();
        cluster.replicationLink(1).disable();
        primary.update("insert into cut values (1)");
        JdbcTemplate standby = new JdbcTemplate(cluster.standby(1));
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                .until(() -> standby.queryForObject("select count(*) from cut", Integer.class) == 0);
        cluster.replicationLink(1).enable();
        await().atMost(Duration.ofSeconds(20)).until(() -> standby.queryForObject("select count(*) from cut", Integer.class) == 1);
    }
}
