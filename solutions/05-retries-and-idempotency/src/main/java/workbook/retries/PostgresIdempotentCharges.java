package workbook.retries;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * Task 4: {@code POST /v1/charges} made safe to retry with an {@code Idempotency-Key}, all in
 * PostgreSQL. The key is claimed before any work, by one atomic statement (an insert guarded by the
 * primary key); only the claim's owner charges; the charge and the stored reply commit in one
 * transaction; repeats get the stored reply.
 */
public record PostgresIdempotentCharges(ChargeSetup setup) implements KeyedChargeEndpoint {
    @Override
    public Reply charge(String key, String body, ChargeRequest request) {
        String fingerprint = Charges.fingerprint(body);
        String owner = UUID.randomUUID().toString();
        try {
            if (!claim(key, fingerprint, owner)) {
                return answerRepeat(key, fingerprint);
            }
            setup.steps().afterClaim(key);
            return chargeAndRecord(key, fingerprint, owner, request);
        } catch (SQLException e) {
            throw new IllegalStateException("charge with key " + key + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * One statement, so two requests can never both win: the insert succeeds for the first; a
     * conflicting one takes the row over only if the key has expired, or if it is a repeat of a
     * request whose owner let its lease run out (it crashed before finishing).
     */
    private boolean claim(String key, String fingerprint, String owner) throws SQLException {
        Instant now = setup.clock().instant();
        try (Connection c = setup.db().getConnection(); PreparedStatement claim = c.prepareStatement("""
                INSERT INTO idempotency_keys AS k (idempotency_key, request_fingerprint, state, owner, locked_until, expires_at)
                VALUES (?, ?, 'in_progress', ?, ?, ?)
                ON CONFLICT (idempotency_key) DO UPDATE
                   SET request_fingerprint = EXCLUDED.request_fingerprint, state = 'in_progress', owner = EXCLUDED.owner,
                       locked_until = EXCLUDED.locked_until, expires_at = EXCLUDED.expires_at,
                       response_status = NULL, response_body = NULL
                 WHERE k.expires_at <= ?
                    OR (k.state = 'in_progress' AND k.locked_until <= ? AND k.request_fingerprint = EXCLUDED.request_fingerprint)""")) {
            claim.setString(1, key);
            claim.setString(2, fingerprint);
            claim.setString(3, owner);
            claim.setTimestamp(4, Timestamp.from(now.plus(setup.lease())));
            claim.setTimestamp(5, Timestamp.from(now.plus(KEY_LIFETIME)));
            claim.setTimestamp(6, Timestamp.from(now));
            claim.setTimestamp(7, Timestamp.from(now));
            return claim.executeUpdate() == 1;
        }
    }

    /** The key is someone else's: another body (422), a finished request (its reply), or one still running (409). */
    private Reply answerRepeat(String key, String fingerprint) throws SQLException {
        try (Connection c = setup.db().getConnection(); PreparedStatement find = c.prepareStatement("""
                SELECT request_fingerprint, state, response_status, response_body
                  FROM idempotency_keys WHERE idempotency_key = ?""")) {
            find.setString(1, key);
            try (ResultSet row = find.executeQuery()) {
                row.next(); // the claim failed, so the row exists: rows are taken over, never deleted
                if (!row.getString("request_fingerprint").equals(fingerprint)) {
                    return ChargeReplies.keyReused();
                }
                if (row.getString("state").equals("done")) {
                    return ChargeReplies.replay(row.getInt("response_status"), row.getString("response_body"));
                }
                return ChargeReplies.inProgress();
            }
        }
    }

    /**
     * The charge and its recorded reply in one transaction: a crash before the commit leaves neither
     * (the key stays claimed until its lease ends, then a retry charges), after it leaves both. The
     * update names this request as the owner, so an owner whose lease was taken over cannot commit
     * a second charge.
     */
    private Reply chargeAndRecord(String key, String fingerprint, String owner, ChargeRequest request) throws SQLException {
        try (Connection c = setup.db().getConnection()) {
            c.setAutoCommit(false);
            try {
                long id = Charges.insert(c, request, null, fingerprint, setup.clock().instant());
                Reply created = ChargeReplies.created(Charges.receipt(id, request));
                setup.steps().afterCharge(key);
                try (PreparedStatement done = c.prepareStatement("""
                        UPDATE idempotency_keys SET state = 'done', response_status = ?, response_body = ?
                         WHERE idempotency_key = ? AND owner = ? AND state = 'in_progress'""")) {
                    done.setInt(1, created.status());
                    done.setString(2, created.body());
                    done.setString(3, key);
                    done.setString(4, owner);
                    if (done.executeUpdate() != 1) {
                        c.rollback();
                        return ChargeReplies.inProgress(); // our lease ran out and another request took over
                    }
                }
                c.commit();
                return created;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }
}
