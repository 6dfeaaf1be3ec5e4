package workbook.retries;

import java.time.Duration;
import java.util.Optional;

/**
 * What {@code POST /v1/charges} does with a request: the {@code Idempotency-Key} header (if sent) and
 * the body. {@link ChargeServer} puts one on the network.
 */
@FunctionalInterface
public interface ChargeEndpoint {
    /** How long a key is remembered once its request is done (source 000: 24 hours, as Stripe does). */
    Duration KEY_LIFETIME = Duration.ofHours(24);

    Reply charge(Optional<String> idempotencyKey, String body);
}
