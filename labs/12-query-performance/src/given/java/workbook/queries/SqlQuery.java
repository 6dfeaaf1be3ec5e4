package workbook.queries;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Arrays;
import java.util.List;

/** A statement and its arguments, kept together so a test can both run it and EXPLAIN it. */
public record SqlQuery(String sql, List<Object> args) {

    public SqlQuery {
        args = List.copyOf(args);
    }

    public static SqlQuery of(String sql, Object... args) {
        return new SqlQuery(sql, Arrays.asList(args));
    }

    /** Runs a query whose first column is an integer id and returns the ids in the order the query gives. */
    public List<Integer> ids(JdbcTemplate jdbc) {
        return jdbc.query(sql, (row, number) -> row.getInt(1), args.toArray());
    }

    @Override
    public String toString() {
        return sql + " " + args;
    }
}
