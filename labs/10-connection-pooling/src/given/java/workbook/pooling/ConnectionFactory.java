package workbook.pooling;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens a new physical connection to the database (for example {@code endpoint::connect}). */
@FunctionalInterface
public interface ConnectionFactory {
    Connection open() throws SQLException;
}
