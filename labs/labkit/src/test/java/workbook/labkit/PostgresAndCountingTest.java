package workbook.labkit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import workbook.labkit.testing.CountingDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresAndCountingTest {
    @RegisterExtension
    static final Postgres db = Postgres.freshDatabase();

    @RegisterExtension
    static final Postgres small = Postgres.freshDatabase().withSetting("max_connections", "23");

    @Test
    void givesAFreshDatabaseOnARealServer() {
        JdbcTemplate jdbc = db.jdbc();
        assertThat(jdbc.queryForObject("select current_database()", String.class)).isEqualTo(db.databaseName());
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL 17");
        jdbc.execute("create table item(id int primary key)");
        jdbc.update("insert into item values (1), (2)");
        assertThat(jdbc.queryForObject("select count(*) from item", Integer.class)).isEqualTo(2);
    }

    @Test
    void appliesServerSettingsPerServer() {
        assertThat(small.jdbc().queryForObject("show max_connections", String.class)).isEqualTo("23");
        assertThat(db.jdbc().queryForObject("show max_connections", String.class)).isNotEqualTo("23");
    }

    @Test
    void aDatabaseKeptForTheJvmIsBuiltOnceWhoeverAsksAgain() {
        AtomicInteger builds = new AtomicInteger();
        Supplier<Postgres> build = () -> {
            builds.incrementAndGet();
            Postgres kept = Postgres.freshDatabase().open();
            kept.jdbc().execute("create table big (n int)");
            kept.jdbc().update("insert into big select generate_series(1, 1000)");
            return kept;
        };
        Postgres first = Postgres.keptForTheJvm("kept-test", build);
        // As a class loaded afresh by the next watch run would ask: a new supplier, the same name.
        Postgres again = Postgres.keptForTheJvm("kept-test", () -> {
            throw new AssertionError("built twice");
        });
        assertThat(again).isSameAs(first);
        assertThat(builds).hasValue(1);
        assertThat(again.jdbc().queryForObject("select count(*) from big", Integer.class)).isEqualTo(1000);
        assertThat(Postgres.keptForTheJvm("kept-test-other", build)).as("another name, another database").isNotSameAs(first);
        assertThat(builds).hasValue(2);
    }

    @Test
    void countsStatementsAndConnections() throws Exception {
        CountingDataSource counting = new CountingDataSource(db.dataSource());
        JdbcTemplate jdbc = new JdbcTemplate(counting);
        jdbc.queryForObject("select 1", Integer.class);
        jdbc.queryForObject("select ?::int", Integer.class, 2);
        try (Connection connection = counting.getConnection();
             PreparedStatement statement = connection.prepareStatement("select pg_sleep(0)")) {
            statement.executeQuery().close();
            statement.executeQuery().close();
        }
        assertThat(counting.count()).isEqualTo(4);
        assertThat(counting.count("pg_sleep")).isEqualTo(2);
        assertThat(counting.connectionsOpened()).isEqualTo(3);
        counting.reset();
        assertThat(counting.count()).isZero();
    }
}
