package workbook.restapi;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The bookmarks in PostgreSQL. Every method is scoped to one owner: another user's bookmark is not
 * found. The table {@code idempotency_keys} is created here for Task 3 and left to you.
 */
public final class BookmarkStore {
    private static final String COLUMNS = "id, owner, url, title, description, tags, created_at, updated_at, version";
    private final DataSource dataSource;
    private final Clock clock;

    public BookmarkStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Drops and creates the tables: an empty store. */
    public void createSchema() {
        run(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("""
                        DROP TABLE IF EXISTS bookmarks, idempotency_keys;
                        CREATE TABLE bookmarks (
                            id          bigserial   PRIMARY KEY,
                            owner       text        NOT NULL,
                            url         text        NOT NULL,
                            title       text        NOT NULL,
                            description text,
                            tags        text[]      NOT NULL DEFAULT '{}',
                            created_at  timestamptz NOT NULL,
                            updated_at  timestamptz NOT NULL,
                            version     int         NOT NULL DEFAULT 1,
                            UNIQUE (owner, url));
                        CREATE INDEX bookmarks_by_owner ON bookmarks (owner, id DESC);
                        CREATE TABLE idempotency_keys (
                            owner       text        NOT NULL,
                            key         text        NOT NULL,
                            fingerprint text        NOT NULL,
                            status      int         NOT NULL,
                            headers     text        NOT NULL,
                            body        text        NOT NULL,
                            created_at  timestamptz NOT NULL,
                            PRIMARY KEY (owner, key));
                        """);
            }
            return null;
        });
    }

    /** Stores a new bookmark in its own transaction. Throws {@link DuplicateUrlException} when the owner has this URL. */
    public Bookmark insert(String owner, NewBookmark values) {
        return run(connection -> insert(connection, owner, values));
    }

    /**
     * Stores a new bookmark on {@code connection}, inside the caller's transaction. Throws
     * {@link DuplicateUrlException} when the owner has this URL; the transaction must then be rolled back.
     */
    public Bookmark insert(Connection connection, String owner, NewBookmark values) throws SQLException {
        Timestamp now = Timestamp.from(clock.instant());
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bookmarks "
                + "(owner, url, title, description, tags, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING " + COLUMNS)) {
            insert.setString(1, owner);
            insert.setString(2, values.url());
            insert.setString(3, values.title());
            insert.setString(4, values.description());
            insert.setArray(5, connection.createArrayOf("text", values.tags().toArray()));
            insert.setTimestamp(6, now);
            insert.setTimestamp(7, now);
            return one(insert, owner, values.url()).orElseThrow();
        }
    }

    public Optional<Bookmark> find(String owner, long id) {
        return run(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM bookmarks WHERE owner = ? AND id = ?")) {
                select.setString(1, owner);
                select.setLong(2, id);
                return one(select, owner, null);
            }
        });
    }

    /** Replaces the client-set fields whatever the stored version; empty if there is no such bookmark. */
    public Optional<Bookmark> replace(String owner, long id, NewBookmark values) {
        return update(owner, id, values, null);
    }

    /**
     * Replaces the client-set fields only if the stored version is still {@code expectedVersion}, in one
     * statement; empty if the bookmark is gone or someone changed it since that version.
     */
    public Optional<Bookmark> replaceIfVersion(String owner, long id, NewBookmark values, int expectedVersion) {
        return update(owner, id, values, expectedVersion);
    }

    private Optional<Bookmark> update(String owner, long id, NewBookmark values, Integer expectedVersion) {
        return run(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE bookmarks SET url = ?, title = ?, "
                    + "description = ?, tags = ?, updated_at = ?, version = version + 1 WHERE owner = ? AND id = ?"
                    + (expectedVersion == null ? "" : " AND version = ?") + " RETURNING " + COLUMNS)) {
                update.setString(1, values.url());
                update.setString(2, values.title());
                update.setString(3, values.description());
                update.setArray(4, connection.createArrayOf("text", values.tags().toArray()));
                update.setTimestamp(5, Timestamp.from(clock.instant()));
                update.setString(6, owner);
                update.setLong(7, id);
                if (expectedVersion != null) {
                    update.setInt(8, expectedVersion);
                }
                return one(update, owner, values.url());
            }
        });
    }

    /** Deletes a bookmark; false if there was none. */
    public boolean delete(String owner, long id) {
        return run(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM bookmarks WHERE owner = ? AND id = ?")) {
                delete.setString(1, owner);
                delete.setLong(2, id);
                return delete.executeUpdate() == 1;
            }
        });
    }

    /** Every bookmark of the owner, newest first, in one response however many there are. */
    public List<Bookmark> all(String owner) {
        return page(owner, Search.ALL, null, Integer.MAX_VALUE);
    }

    /**
     * Up to {@code limit} bookmarks of the owner that match {@code search}, newest first, starting after
     * the bookmark {@code beforeId} (exclusive; null for the first page): keyset pagination on the
     * primary key, so a bookmark added meanwhile never shifts the pages still to come.
     */
    public List<Bookmark> page(String owner, Search search, Long beforeId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM bookmarks WHERE owner = ?");
        List<Object> parameters = new ArrayList<>(List.of(owner));
        if (beforeId != null) {
            sql.append(" AND id < ?");
            parameters.add(beforeId);
        }
        search.tag().ifPresent(tag -> {
            sql.append(" AND ? = ANY (tags)");
            parameters.add(tag);
        });
        search.keyword().ifPresent(keyword -> {
            sql.append(" AND (title ILIKE ? OR coalesce(description, '') ILIKE ? OR url ILIKE ?)");
            String pattern = "%" + keyword.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            parameters.addAll(List.of(pattern, pattern, pattern));
        });
        sql.append(" ORDER BY id DESC LIMIT ?");
        parameters.add(limit);
        return run(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
                for (int i = 0; i < parameters.size(); i++) {
                    select.setObject(i + 1, parameters.get(i));
                }
                List<Bookmark> found = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(bookmark(rows));
                    }
                }
                return found;
            }
        });
    }

    /** How many bookmarks the owner has. */
    public int count(String owner) {
        return run(connection -> {
            try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM bookmarks WHERE owner = ?")) {
                count.setString(1, owner);
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    return rows.getInt(1);
                }
            }
        });
    }

    private Optional<Bookmark> one(PreparedStatement statement, String owner, String url) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.of(bookmark(rows)) : Optional.empty();
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) { // unique_violation: the owner already has this URL
                throw new DuplicateUrlException(owner, url);
            }
            throw e;
        }
    }

    private static Bookmark bookmark(ResultSet row) throws SQLException {
        return new Bookmark(row.getLong("id"), row.getString("owner"), row.getString("url"), row.getString("title"),
                row.getString("description"), Arrays.asList((String[]) row.getArray("tags").getArray()),
                row.getTimestamp("created_at").toInstant(), row.getTimestamp("updated_at").toInstant(), row.getInt("version"));
    }

    private interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    private <T> T run(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.on(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL: " + e.getMessage(), e);
        }
    }
}
