package workbook.retries;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Task 5: the same endpoint with the claim in Redis ({@code SET key value NX PX lease}) and the charge
 * in PostgreSQL. Redis and PostgreSQL cannot commit together: make sure that no crash between them
 * charges a card twice or loses a charge.
 * <p>
 * STARTER: the version many tutorials show. It looks the key up, charges if nothing is stored, then
 * stores the reply. Two copies of a request that arrive together both find nothing and both charge;
 * a process that dies after charging leaves nothing in Redis, so the client's retry charges again;
 * and a key sent again with another body gets the first body's reply.
 *
 * @param redis this server's connection to Redis
 * @param setup the lease is the claim's TTL in Redis (Redis's clock); {@code setup.clock()} stamps charges
 */
public record RedisIdempotentCharges(StatefulRedisConnection<String, String> redis, ChargeSetup setup)
        implements KeyedChargeEndpoint {
    @Override
    public Reply charge(String key, String body, ChargeRequest request) {
        String stored = redis.sync().get("idem:" + key);
        if (stored != null) {
            String[] parts = stored.split("\\|", 4);     // done|<fingerprint>|<status>|<body>
            return ChargeReplies.replay(Integer.parseInt(parts[2]), parts[3]);
        }
        setup.steps().afterClaim(key);                      // (there is no claim: this is where it would be)
        Reply reply;
        try (Connection c = setup.db().getConnection()) {
            reply = ChargeReplies.created(Charges.receipt(
                    Charges.insert(c, request, null, Charges.fingerprint(body), setup.clock().instant()), request));
        } catch (SQLException e) {
            throw new IllegalStateException("charge failed: " + e.getMessage(), e);
        }
        setup.steps().afterCharge(key);
        redis.sync().set("idem:" + key, "done|" + Charges.fingerprint(body) + "|201|" + reply.body(),
                SetArgs.Builder.px(KEY_LIFETIME.toMillis()));
        return reply;
    }
}
