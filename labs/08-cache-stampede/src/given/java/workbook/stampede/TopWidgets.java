package workbook.stampede;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The slow query behind the hot key: the best-selling widgets, computed by PostgreSQL. A real
 * report query takes hundreds of milliseconds because it scans and sorts; this one asks PostgreSQL
 * to sleep ({@code pg_sleep}) so that every run takes the same, known time on any machine.
 * <p>
 * Given code: you do not need to change it.
 */
public final class TopWidgets implements Loader {
    /** The query, so that a test can count it at the database. */
    public static final String QUERY = "select pg_sleep(?), ? || '=' || coalesce("
            + "(select string_agg(name, ',' order by sales desc, name) from widgets), '')";

    private final DataSource database;
    private final Duration queryTime;

    public TopWidgets(DataSource database, Duration queryTime) {
        if (queryTime.isNegative()) {
            throw new IllegalArgumentException("queryTime must not be negative, got " + queryTime);
        }
        this.database = database;
        this.queryTime = queryTime;
    }

    /** Creates the widgets table with three rows: gear (30 sales), bolt (20), nut (10). */
    public static void createTable(DataSource database) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table widgets (name text primary key, sales int not null)");
            statement.execute("insert into widgets values ('gear', 30), ('bolt', 20), ('nut', 10)");
        }
    }

    /** Returns e.g. {@code "widgets:top=gear,bolt,nut"}: the key, then the widgets by sales. */
    @Override
    public String load(String key) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement query = connection.prepareStatement(QUERY)) {
            query.setDouble(1, queryTime.toMillis() / 1000.0);
            query.setString(2, key);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getString(2);
            }
        }
    }
}
