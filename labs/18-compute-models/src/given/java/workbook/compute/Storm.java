package workbook.compute;

import workbook.labkit.testing.Concurrently;

import java.sql.SQLException;
import java.util.List;

/** Task 4's spike: many function invocations released at the same moment, and what each one got. */
public final class Storm {
    /** PostgreSQL's SQLSTATE for "sorry, too many clients already": the connection was refused. */
    public static final String TOO_MANY_CLIENTS = "53300";

    private Storm() {
    }

    /**
     * @param served  invocations that got the right status back
     * @param refused invocations whose connection PostgreSQL refused (SQLSTATE 53300)
     * @param busy    invocations the data service answered 503
     * @param failed  anything else (a wrong status counts here)
     * @param firstFailure the first such failure, for messages; null if none
     */
    public record Result(int served, int refused, int busy, int failed, String firstFailure) {
        @Override
        public String toString() {
            return String.format("%d served, %d refused by PostgreSQL, %d answered 503, %d failed%s", served, refused, busy,
                    failed, firstFailure == null ? "" : " (first: " + firstFailure + ")");
        }
    }

    /** Releases {@code invocations} invocations at once, for orders 1, 2, 3..., and sorts out their outcomes. */
    public static Result run(int invocations, OrderFunction function) {
        List<Concurrently.Outcome<String>> outcomes = Concurrently.run(invocations,
                caller -> function.handle(1 + caller % Orders.COUNT));
        int served = 0;
        int refused = 0;
        int busy = 0;
        int failed = 0;
        String firstFailure = null;
        for (Concurrently.Outcome<String> outcome : outcomes) {
            long orderId = 1 + outcome.caller() % Orders.COUNT;
            Throwable error = outcome.error();
            if (error == null && Orders.expectedStatus(orderId).equals(outcome.value())) {
                served++;
            } else if (error instanceof SQLException e && TOO_MANY_CLIENTS.equals(e.getSQLState())) {
                refused++;
            } else if (error instanceof OrderFunction.BusyException) {
                busy++;
            } else {
                failed++;
                if (firstFailure == null) {
                    firstFailure = error == null ? "order " + orderId + " answered '" + outcome.value() + "'" : error.toString();
                }
            }
        }
        return new Result(served, refused, busy, failed, firstFailure);
    }
}
