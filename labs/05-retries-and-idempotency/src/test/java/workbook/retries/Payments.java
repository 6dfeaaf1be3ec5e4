package workbook.retries;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/** Test helpers around the payments tables. */
final class Payments {
    static final String BODY = "{\"customer\":\"cus_42\",\"amount_cents\":1999}";
    static final String OTHER_BODY = "{\"customer\":\"cus_42\",\"amount_cents\":2999}";

    private Payments() {
    }

    static void reset(DataSource db) throws SQLException {
        Charges.createSchema(db);
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE charges, idempotency_keys RESTART IDENTITY");
        }
    }

    static int charges(DataSource db) {
        try {
            return Charges.count(db);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static Reply post(ChargeEndpoint endpoint, String key, String body) {
        return endpoint.charge(Optional.of(key), body);
    }

    /** A hook that throws once, at the step it is told, for the key it is told. */
    static IdempotencySteps crashOnceAfterClaim() {
        return new IdempotencySteps() {
            private boolean crashed;

            @Override
            public synchronized void afterClaim(String key) {
                if (!crashed) {
                    crashed = true;
                    throw new SimulatedCrash("after claiming " + key);
                }
            }
        };
    }

    static IdempotencySteps crashOnceAfterCharge() {
        return new IdempotencySteps() {
            private boolean crashed;

            @Override
            public synchronized void afterCharge(String key) {
                if (!crashed) {
                    crashed = true;
                    throw new SimulatedCrash("after charging for " + key);
                }
            }
        };
    }
}
