package workbook.queries;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import workbook.labkit.Postgres;
import workbook.labkit.testing.Task;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Statements of other databases on the same server, indexes of other tables, the limit. */
@Task(6)
class HiddenTask6OtherDatabaseTest {
    @RegisterExtension
    static final Postgres db = LabDatabase.fresh();
    @RegisterExtension
    static final Postgres neighbour = LabDatabase.fresh();

    @BeforeAll
    static void statistics() {
        db.jdbc().execute("create extension if not exists pg_stat_statements");
    }

    @Test
    void statements_of_another_database_are_not_this_ones() {
        JdbcTemplate other = neighbour.jdbc();
        other.execute("create table big_neighbour as select g as id, md5(g::text) as t from generate_series(1, 20000) g");
        for (int run = 0; run < 5; run++) {
            other.queryForObject("select count(*) from big_neighbour where t like '%zz%'", Long.class);
        }
        Task6IndexCostTest.inOwnSession(db, session -> {
            Task6IndexCostTest.resetStatements(session);
            session.queryForObject("select count(*) from pg_class", Long.class);
            session.queryForObject("select count(*) from pg_attribute", Long.class);
        });

        List<StatementCost> heaviest = IndexAudit.heaviestStatements(db.jdbc(), 50);
        assertThat(heaviest).extracting(StatementCost::query)
                .as("statements of this database; the neighbour's scans are not among them")
                .noneMatch(query -> query.contains("big_neighbour"))
                .contains("select count(*) from pg_class", "select count(*) from pg_attribute");
        assertThat(IndexAudit.heaviestStatements(db.jdbc(), 1)).as("heaviestStatements(jdbc, 1)").hasSize(1);
    }

    @Test
    void only_the_named_tables_indexes_are_listed() {
        JdbcTemplate jdbc = db.jdbc();
        jdbc.execute("create table first_table (a int, b int)");
        jdbc.execute("create table second_table (a int, b int)");
        jdbc.execute("create index first_table_a on first_table (a)");
        jdbc.execute("create index second_table_a on second_table (a)");
        jdbc.execute("create index second_table_b on second_table (b)");
        jdbc.execute("alter table second_table add constraint second_table_a_b unique (a, b)");

        assertThat(IndexAudit.unusedIndexes(jdbc, "second_table")).as("unused indexes of second_table")
                .containsExactly("second_table_a", "second_table_b");
        assertThat(IndexAudit.unusedIndexes(jdbc, "no_such_table")).as("unused indexes of a table that does not exist")
                .isEmpty();
    }
}
