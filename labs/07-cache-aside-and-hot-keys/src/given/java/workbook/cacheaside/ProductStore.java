package workbook.cacheaside;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;

/**
 * The source of truth: the products table in PostgreSQL. Reading a product is slow on purpose (the
 * story's 200 ms query): the query asks PostgreSQL to sleep ({@code pg_sleep}) first, so it costs
 * the same on every machine. Each method runs exactly one SQL statement, so a test counts them.
 * <p>
 * Given code: you do not need to change it.
 */
public final class ProductStore {
    /** A comment in the read query, so that a test can count reads at the database. */
    public static final String FIND = "find product";
    /** A comment in the write statement (single or batched), so that a test can count writes. */
    public static final String SAVE = "save product";

    private static final String FIND_SQL = "select /* " + FIND + " */ p.id, p.name, p.price_cents"
            + " from (select pg_sleep(?)) slow left join products p on p.id = ?";
    private static final String SAVE_SQL = "insert /* " + SAVE + " */ into products (id, name, price_cents)"
            + " values (?, ?, ?) on conflict (id) do update set name = excluded.name, price_cents = excluded.price_cents";

    private final DataSource database;
    private final Duration queryTime;

    public ProductStore(DataSource database, Duration queryTime) {
        if (queryTime.isNegative()) {
            throw new IllegalArgumentException("queryTime must not be negative, got " + queryTime);
        }
        this.database = database;
        this.queryTime = queryTime;
    }

    public static void createTable(DataSource database) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table products (id bigint primary key, name text not null, price_cents int not null)");
        }
    }

    /** The product, or empty when no row has this id. Takes {@code queryTime} either way. */
    public Optional<Product> find(long id) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement query = connection.prepareStatement(FIND_SQL)) {
            query.setDouble(1, queryTime.toMillis() / 1000.0);
            query.setLong(2, id);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                long found = row.getLong(1);
                return row.wasNull() ? Optional.empty() : Optional.of(new Product(found, row.getString(2), row.getInt(3)));
            }
        }
    }

    /** Inserts the product, or updates the row with its id. One statement. */
    public void save(Product product) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement statement = connection.prepareStatement(SAVE_SQL)) {
            bind(statement, product);
            statement.executeUpdate();
        }
    }

    /** Saves many products in one JDBC batch: one round trip, counted as one statement. */
    public void saveAll(Collection<Product> products) throws SQLException {
        if (products.isEmpty()) {
            return;
        }
        try (Connection connection = database.getConnection();
             PreparedStatement statement = connection.prepareStatement(SAVE_SQL)) {
            for (Product product : products) {
                bind(statement, product);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static void bind(PreparedStatement statement, Product product) throws SQLException {
        statement.setLong(1, product.id());
        statement.setString(2, product.name());
        statement.setInt(3, product.priceCents());
    }
}
