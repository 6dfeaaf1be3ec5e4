package workbook.retries;

import java.util.Optional;

/**
 * The part of {@code POST /v1/charges} that is not the lesson: a body that is not a charge gets 400,
 * and so does a request without an {@code Idempotency-Key} (the IETF draft's answer when a resource
 * requires the key). Everything else goes to {@link #charge(String, String, ChargeRequest)}.
 */
public interface KeyedChargeEndpoint extends ChargeEndpoint {

    @Override
    default Reply charge(Optional<String> idempotencyKey, String body) {
        ChargeRequest request;
        try {
            request = ChargeRequest.parse(body);
        } catch (IllegalArgumentException e) {
            return ChargeReplies.badRequest(e.getMessage());
        }
        if (idempotencyKey.isEmpty() || idempotencyKey.get().isBlank()) {
            return ChargeReplies.missingKey();
        }
        return charge(idempotencyKey.get(), body, request);
    }

    /** A well-formed charge request with its key; {@code body} exactly as it arrived. */
    Reply charge(String key, String body, ChargeRequest request);
}
