package workbook.replicas;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The application: users edit their display name and read it back. A write goes to a node you give it
 * and returns the WAL position just after its commit; a read goes to the node you give it.
 */
public final class Profiles {
    /** The text of a read, for counting reads among a server's statements. */
    public static final String READ_SQL = "select display_name from profile where user_id = ?";
    /** The text of a write, for counting writes among a server's statements. */
    public static final String WRITE_SQL = "insert into profile(user_id, display_name) values (?, ?) "
            + "on conflict (user_id) do update set display_name = excluded.display_name";

    private Profiles() {
    }

    /** Creates the table on the primary (standbys receive it by replication). */
    public static void createTable(DataSource primary) throws SQLException {
        try (Connection connection = primary.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists profile(user_id text primary key, display_name text not null)");
        }
    }

    /**
     * Sets the user's display name on {@code node} (it must be the primary) and returns the WAL position
     * after the commit: a standby that has replayed up to it has this write.
     */
    public static Lsn write(Node node, String user, String displayName) throws SQLException {
        try (Connection connection = node.dataSource().getConnection()) {
            try (PreparedStatement upsert = connection.prepareStatement(WRITE_SQL)) {
                upsert.setString(1, user);
                upsert.setString(2, displayName);
                upsert.executeUpdate();
            }
            // Autocommit: the write is committed (and flushed) when executeUpdate returns.
            try (Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("select pg_current_wal_lsn()::text")) {
                row.next();
                return Lsn.parse(row.getString(1));
            }
        }
    }

    /** The user's display name as {@code node} sees it; empty if it has no row for the user. */
    public static Optional<String> read(Node node, String user) throws SQLException {
        try (Connection connection = node.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(READ_SQL)) {
            select.setString(1, user);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }
}
