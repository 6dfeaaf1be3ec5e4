package workbook.replicas;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/** Reads WAL positions from the servers: where the primary has written to, and where a standby has replayed to. */
public final class WalPositions {
    private WalPositions() {
    }

    /** The primary's current WAL write position: {@code pg_current_wal_lsn()}. */
    public static Lsn current(DataSource primary) throws SQLException {
        return query(primary, "select pg_current_wal_lsn()::text")
                .orElseThrow(() -> new SQLException("pg_current_wal_lsn() returned null"));
    }

    /**
     * How far a standby has replayed: {@code pg_last_wal_replay_lsn()}. Empty when the server has not
     * replayed anything (a primary returns null here too).
     */
    public static Optional<Lsn> replayed(DataSource standby) throws SQLException {
        return query(standby, "select pg_last_wal_replay_lsn()::text");
    }

    private static Optional<Lsn> query(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            String text = row.getString(1);
            return text == null ? Optional.empty() : Optional.of(Lsn.parse(text));
        }
    }
}
