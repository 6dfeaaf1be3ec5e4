package workbook.restapi;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Task 3: a create that is safe to retry. With an {@code Idempotency-Key} the key is claimed, the
 * bookmark stored and the response recorded in ONE PostgreSQL transaction; a repeat of the request
 * gets the recorded response again, and the same key with other values is refused with 422.
 */
public final class IdempotentCreate {
    private final BookmarkStore store;
    private final Clock clock;

    public IdempotentCreate(BookmarkStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Creates a bookmark for {@code owner} and answers with {@code respond.apply(bookmark)}, or, when
     * {@code key} was used before by this owner, with the response recorded then (same values) or a 422
     * problem (other values). A {@link DuplicateUrlException} leaves nothing behind, not even the key.
     */
    public ApiResponse create(String owner, Optional<String> key, NewBookmark values, Function<Bookmark, ApiResponse> respond) {
        if (key.isEmpty()) {
            return respond.apply(store.insert(owner, values));
        }
        try (Connection connection = store.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try {
                ApiResponse response = claimOrReplay(connection, owner, key.get(), values, respond);
                connection.commit();
                return response;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL: " + e.getMessage(), e);
        }
    }

    private ApiResponse claimOrReplay(Connection connection, String owner, String key, NewBookmark values,
                                      Function<Bookmark, ApiResponse> respond) throws SQLException {
        // The claim: one statement only one transaction can win. A second copy of the request waits
        // here on the primary key until the first commits, then finds its recorded response.
        try (PreparedStatement claim = connection.prepareStatement("INSERT INTO idempotency_keys "
                + "(owner, key, fingerprint, status, headers, body, created_at) VALUES (?, ?, ?, 0, '{}', '', ?) "
                + "ON CONFLICT (owner, key) DO NOTHING")) {
            claim.setString(1, owner);
            claim.setString(2, key);
            claim.setString(3, values.fingerprint());
            claim.setTimestamp(4, Timestamp.from(clock.instant()));
            if (claim.executeUpdate() == 0) {
                return replay(connection, owner, key, values);
            }
        }
        ApiResponse response = respond.apply(store.insert(connection, owner, values));
        try (PreparedStatement record = connection.prepareStatement(
                "UPDATE idempotency_keys SET status = ?, headers = ?, body = ? WHERE owner = ? AND key = ?")) {
            record.setInt(1, response.status());
            ObjectNode headers = Json.object();
            response.headers().forEach(headers::put);
            record.setString(2, Json.write(headers));
            record.setString(3, response.body());
            record.setString(4, owner);
            record.setString(5, key);
            record.executeUpdate();
        }
        return response;
    }

    private static ApiResponse replay(Connection connection, String owner, String key, NewBookmark values) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT fingerprint, status, headers, body FROM idempotency_keys WHERE owner = ? AND key = ?")) {
            select.setString(1, owner);
            select.setString(2, key);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                if (!row.getString("fingerprint").equals(values.fingerprint())) {
                    return Problem.keyReused(key).toResponse();
                }
                Map<String, String> headers = Json.MAPPER.convertValue(Json.parse(row.getString("headers")), new TypeReference<>() { });
                return new ApiResponse(row.getInt("status"), headers, row.getString("body"));
            }
        }
    }
}
