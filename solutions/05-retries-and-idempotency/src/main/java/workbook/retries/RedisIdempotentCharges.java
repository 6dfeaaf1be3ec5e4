package workbook.retries;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;

/**
 * Task 5: the same endpoint with the claim in Redis ({@code SET key value NX PX lease}) and the charge
 * in PostgreSQL. Redis and PostgreSQL cannot commit together, so the charge row itself carries the
 * idempotency key under a unique constraint: PostgreSQL has the last word on whether the key has
 * charged, and Redis is the fast path (the claim, and the stored reply for repeats).
 * <p>
 * Redis holds {@code idem:<key>} = {@code claim|<fingerprint>} while a request runs (for the lease),
 * then {@code done|<fingerprint>|<status>|<body>} for 24 hours.
 *
 * @param redis this server's connection to Redis
 * @param setup the lease is the claim's TTL in Redis (Redis's clock); {@code setup.clock()} stamps charges
 */
public record RedisIdempotentCharges(StatefulRedisConnection<String, String> redis, ChargeSetup setup)
        implements KeyedChargeEndpoint {
    @Override
    public Reply charge(String key, String body, ChargeRequest request) {
        String redisKey = "idem:" + key;
        String fingerprint = Charges.fingerprint(body);
        RedisCommands<String, String> commands = redis.sync();
        // The claim: set only if absent, with the lease as its TTL, in one command.
        String claimed = commands.set(redisKey, "claim|" + fingerprint, SetArgs.Builder.nx().px(setup.lease().toMillis()));
        if (!"OK".equals(claimed)) {
            // The claim that beat ours can expire before the GET: a gone claim is answered like a
            // running one (409), and the client's retry then claims the key itself.
            String stored = Objects.requireNonNullElse(commands.get(redisKey), "claim|" + fingerprint);
            return answerRepeat(stored, fingerprint);
        }
        setup.steps().afterClaim(key);
        Reply reply = chargeOnce(key, fingerprint, request);
        setup.steps().afterCharge(key);
        if (reply.status() == 201) {
            commands.set(redisKey, "done|" + fingerprint + "|" + reply.status() + "|" + reply.body(),
                    SetArgs.Builder.px(KEY_LIFETIME.toMillis()));
        } else {
            commands.del(redisKey); // the key belongs to another body's charge: leave PostgreSQL to say so
        }
        return reply;
    }

    private static Reply answerRepeat(String stored, String fingerprint) {
        String[] parts = stored.split("\\|", 4);
        if (!parts[1].equals(fingerprint)) {
            return ChargeReplies.keyReused();
        }
        if (parts[0].equals("done")) {
            return ChargeReplies.replay(Integer.parseInt(parts[2]), parts[3]);
        }
        return ChargeReplies.inProgress();
    }

    /**
     * Charges unless a charge with this key is already in PostgreSQL: the unique key makes the insert
     * a no-op then, and the existing charge is the answer. This covers the owner that charged and
     * died before Redis heard about it: its lease ran out, a retry claimed the key again, and finds
     * the charge here instead of making a second one.
     */
    private Reply chargeOnce(String key, String fingerprint, ChargeRequest request) {
        try (Connection c = setup.db().getConnection()) {
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO charges (customer, amount_cents, idempotency_key, request_fingerprint, created_at)
                    VALUES (?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id""")) {
                insert.setString(1, request.customer());
                insert.setLong(2, request.amountCents());
                insert.setString(3, key);
                insert.setString(4, fingerprint);
                insert.setTimestamp(5, java.sql.Timestamp.from(setup.clock().instant()));
                try (ResultSet id = insert.executeQuery()) {
                    if (id.next()) {
                        return ChargeReplies.created(Charges.receipt(id.getLong(1), request));
                    }
                }
            }
            try (PreparedStatement find = c.prepareStatement(
                    "SELECT id, request_fingerprint FROM charges WHERE idempotency_key = ?")) {
                find.setString(1, key);
                try (ResultSet existing = find.executeQuery()) {
                    existing.next();
                    return existing.getString("request_fingerprint").equals(fingerprint)
                            ? ChargeReplies.replay(201, Charges.receipt(existing.getLong("id"), request))
                            : ChargeReplies.keyReused();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("charge with key " + key + " failed: " + e.getMessage(), e);
        }
    }
}
