package workbook.retries;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Task 4: {@code POST /v1/charges} made safe to retry with an {@code Idempotency-Key}, in PostgreSQL:
 * claim the key atomically before any work, charge only as the claim's owner, store the reply, and
 * replay it to repeats. A repeat with another body gets 422; a repeat while the first request still
 * runs gets 409; a claim whose owner died can be taken over once its lease has run out; keys are
 * forgotten {@link ChargeEndpoint#KEY_LIFETIME} after their request.
 * <p>
 * STARTER: the endpoint as it is today. It reads the key and does nothing with it: every request
 * that reaches it charges the card, including a client's retry after a lost response.
 */
public record PostgresIdempotentCharges(ChargeSetup setup) implements KeyedChargeEndpoint {
    @Override
    public Reply charge(String key, String body, ChargeRequest request) {
        try (Connection c = setup.db().getConnection()) {
            long id = Charges.insert(c, request, null, Charges.fingerprint(body), setup.clock().instant());
            setup.steps().afterCharge(key);
            return ChargeReplies.created(Charges.receipt(id, request));
        } catch (SQLException e) {
            throw new IllegalStateException("charge failed: " + e.getMessage(), e);
        }
    }
}
