package workbook.failing;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a call to a dependency may take: {@code connect} to open the TCP connection, {@code read}
 * from sending the request until the response's headers are in. A null duration means "wait forever",
 * which is what an HTTP client does when nobody sets a timeout.
 */
public record Timeouts(Duration connect, Duration read) {
    /** No timeouts at all: the default of most HTTP clients, and the cause of Task 1's outage. */
    public static Timeouts none() {
        return new Timeouts(null, null);
    }

    public boolean bounded() {
        return connect != null && read != null;
    }

    @Override
    public String toString() {
        return bounded() ? "connect " + connect.toMillis() + " ms, read " + read.toMillis() + " ms" : "no timeouts";
    }

    public Timeouts {
        if (Objects.requireNonNullElse(connect, Duration.ZERO).isNegative() || Objects.requireNonNullElse(read, Duration.ZERO).isNegative()) {
            throw new IllegalArgumentException("timeouts cannot be negative: " + connect + ", " + read);
        }
    }
}
