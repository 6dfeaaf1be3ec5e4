package workbook.replicas;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.ReplicatedPostgres;
import workbook.labkit.Toxi;
import workbook.labkit.infra.PostgresServer;
import workbook.labkit.testing.Task;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The production twin of Task 1: pgJDBC's multi-host URL. {@code targetServerType=preferSecondary}
 * connects to a standby when one answers and to the primary otherwise; {@code loadBalanceHosts=true}
 * shuffles the hosts for each new connection. It routes connections, not statements: writes need a
 * second URL ({@code targetServerType=primary}), and it knows nothing of lag or of who just wrote.
 */
@Task(1)
class PgJdbcMultiHostTest {
    @RegisterExtension
    static final ReplicatedPostgres cluster = ReplicatedPostgres.primaryWithStandbys(2);

    @RegisterExtension
    static final Toxi toxi = Toxi.create();

    private static String hosts(List<String> hostPorts) {
        return "jdbc:postgresql://" + String.join(",", hostPorts) + "/" + cluster.databaseName();
    }

    private static String address(PostgresServer server) {
        return server.host() + ":" + server.port();
    }

    /** Which server a new connection from this URL reaches: "primary" or the standby's port. */
    private static String serverOf(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, cluster.primaryServer().user(), cluster.primaryServer().password());
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select pg_is_in_recovery(), inet_server_port()")) {
            row.next();
            return row.getBoolean(1) ? "standby:" + row.getInt(2) : "primary";
        }
    }

    @Test
    void preferSecondaryWithLoadBalancingSpreadsReadConnectionsOverTheStandbys() throws SQLException {
        String reads = hosts(List.of(address(cluster.primaryServer()), address(cluster.standbyServer(0)), address(cluster.standbyServer(1))))
                + "?targetServerType=preferSecondary&loadBalanceHosts=true";
        Map<String, Integer> connections = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            connections.merge(serverOf(reads), 1, Integer::sum);
        }
        // Random, not round-robin: both standbys get some of 40 connections (all 40 on one has odds of 2 in 2^40).
        assertThat(connections).as("servers reached by 40 read connections").doesNotContainKey("primary").hasSize(2);

        String writes = hosts(List.of(address(cluster.standbyServer(0)), address(cluster.primaryServer())))
                + "?targetServerType=primary";
        assertThat(serverOf(writes)).as("a connection for writes").isEqualTo("primary");
    }

    @Test
    void preferSecondaryFallsBackToThePrimaryWhenNoStandbyAnswers() throws SQLException {
        Toxi.Proxied toStandby1 = toxi.proxy("standby1", cluster.standbyUpstream(0));
        Toxi.Proxied toStandby2 = toxi.proxy("standby2", cluster.standbyUpstream(1));
        String reads = hosts(List.of(toStandby1.address(), toStandby2.address(), address(cluster.primaryServer())))
                + "?targetServerType=preferSecondary&loadBalanceHosts=true&connectTimeout=2";
        toStandby1.disable();
        toStandby2.disable();
        assertThat(serverOf(reads)).as("a read connection with both standbys unreachable").isEqualTo("primary");
    }

    @Test
    void itRoutesConnectionsNotStatementsSoAWriteOnAReadUrlFails() {
        String reads = hosts(List.of(address(cluster.standbyServer(0)), address(cluster.standbyServer(1))))
                + "?targetServerType=preferSecondary";
        assertThatThrownBy(() -> {
            try (Connection connection = DriverManager.getConnection(reads, cluster.primaryServer().user(), cluster.primaryServer().password());
                 Statement statement = connection.createStatement()) {
                statement.execute("create table written_on_a_standby(id int)");
            }
        }).as("a write sent down a connection the driver opened to a standby").hasMessageContaining("read-only transaction");
    }
}
