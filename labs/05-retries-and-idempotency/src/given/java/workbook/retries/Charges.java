package workbook.retries;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The payments side, in PostgreSQL: the {@code charges} table (one row = one charge to a card) and
 * the {@code idempotency_keys} table that Task 4 fills. Writing a charge row is the side effect that
 * must happen once.
 */
public final class Charges {
    private Charges() {
    }

    public static void createSchema(DataSource db) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE IF NOT EXISTS charges (
                      id                  bigserial PRIMARY KEY,
                      customer            text NOT NULL,
                      amount_cents        bigint NOT NULL,
                      idempotency_key     text UNIQUE,   -- the key that made it, where the design records it there
                      request_fingerprint text,
                      created_at          timestamptz NOT NULL
                    )""");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS idempotency_keys (
                      idempotency_key     text PRIMARY KEY,
                      request_fingerprint text NOT NULL,
                      state               text NOT NULL CHECK (state IN ('in_progress', 'done')),
                      owner               text,          -- a token naming the request that holds the claim
                      locked_until        timestamptz NOT NULL,
                      response_status     int,
                      response_body       text,
                      expires_at          timestamptz NOT NULL
                    )""");
        }
    }

    /** Charges the card: inserts one row and returns its id. {@code idempotencyKey} may be null. */
    public static long insert(Connection c, ChargeRequest request, String idempotencyKey, String fingerprint,
                              Instant now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO charges (customer, amount_cents, idempotency_key, request_fingerprint, created_at)
                VALUES (?, ?, ?, ?, ?) RETURNING id""")) {
            insert.setString(1, request.customer());
            insert.setLong(2, request.amountCents());
            insert.setString(3, idempotencyKey);
            insert.setString(4, fingerprint);
            insert.setTimestamp(5, Timestamp.from(now));
            try (ResultSet id = insert.executeQuery()) {
                id.next();
                return id.getLong(1);
            }
        }
    }

    /** The body of a 201 for a charge. */
    public static String receipt(long id, ChargeRequest request) {
        return "{\"id\":\"ch_" + id + "\",\"customer\":\"" + request.customer() + "\",\"amount_cents\":"
                + request.amountCents() + "}";
    }

    /** SHA-256 of the request body, in hex: tells a repeat of a request from another request with the same key. */
    public static String fingerprint(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** How many times cards were charged. */
    public static int count(DataSource db) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM charges")) {
            r.next();
            return r.getInt(1);
        }
    }
}
