package workbook.compute;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Where the database is and who to log in as. */
public record DatabaseAddress(String jdbcUrl, String user, String password) {

    /** A new physical connection: a new server process on PostgreSQL's side. The caller closes it. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }
}
