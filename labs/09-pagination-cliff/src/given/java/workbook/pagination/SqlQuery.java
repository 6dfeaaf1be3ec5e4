package workbook.pagination;

import java.util.List;

/**
 * A SQL statement with its {@code ?} parameters, in order: what {@link PostPager#list} sends to
 * PostgreSQL, kept as a value so that a test (or you) can run EXPLAIN on exactly that statement.
 */
public record SqlQuery(String sql, List<Object> args) {

    public SqlQuery {
        args = List.copyOf(args);
    }

    public static SqlQuery of(String sql, Object... args) {
        return new SqlQuery(sql, List.of(args));
    }
}
