package workbook.pagination;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Objects;

/**
 * Turns a position in the list into an opaque, signed string and back. The string is
 * {@code base64url(payload) + "." + base64url(HMAC-SHA256(secret, payload))}; the payload names the
 * sort order and filter it was issued for, the direction, and the sort key of the row to continue from.
 * Base64 only hides the shape from casual eyes; the signature is what stops a client from changing it.
 */
final class Cursors {
    private static final String VERSION = "v1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /**
     * Where a page starts: after (or, going backwards, before) the row with this sort key, in the list
     * of this sort order and filter; the row itself is part of the page only if {@code inclusive}.
     */
    record Cursor(Sort sort, Integer authorId, boolean backward, boolean inclusive, Instant createdAt, long id) {
    }

    private final SecretKeySpec key;

    Cursors(byte[] secret) {
        if (secret == null || secret.length < 32) {
            throw new IllegalArgumentException("the cursor secret must be at least 32 bytes (256 bits) for HMAC-SHA256");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    String encode(Cursor cursor) {
        String payload = String.join("|", VERSION, cursor.sort().name(),
                cursor.authorId() == null ? "-" : cursor.authorId().toString(),
                cursor.backward() ? "before" : "after",
                cursor.inclusive() ? "with" : "without",
                Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, cursor.createdAt())),  // PostgreSQL keeps microseconds
                Long.toString(cursor.id()));
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(sign(bytes));
    }

    /** The cursor inside the token, if this server signed it for exactly this sort order and filter. */
    Cursor decode(String token, Sort sort, Integer authorId) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 2) {
            throw invalid("it is not a cursor this API issued");
        }
        byte[] payload = base64(parts[0]);
        // Constant-time comparison: a byte-by-byte equals would tell an attacker how much of a guess was right.
        if (!MessageDigest.isEqual(sign(payload), base64(parts[1]))) {
            throw invalid("its signature does not match (it was changed, cut short, or issued by another server)");
        }
        // Signed by us, so the fields are well formed; what is left to check is that they fit this request.
        String[] fields = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
        if (fields.length != 7 || !fields[0].equals(VERSION)) {
            throw invalid("it was issued by another version of this API");
        }
        Sort issuedFor = Sort.valueOf(fields[1]);
        Integer issuedAuthor = fields[2].equals("-") ? null : Integer.valueOf(fields[2]);
        if (issuedFor != sort) {
            throw invalid("it was issued for sort=" + issuedFor + ", not sort=" + sort + "; start again without a cursor");
        }
        if (!Objects.equals(issuedAuthor, authorId)) {
            throw invalid("it was issued for another author filter; start again without a cursor");
        }
        return new Cursor(issuedFor, issuedAuthor, fields[3].equals("before"), fields[4].equals("with"),
                Instant.EPOCH.plus(Long.parseLong(fields[5]), ChronoUnit.MICROS), Long.parseLong(fields[6]));
    }

    private byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");   // a Mac is not thread-safe: one per call is cheap enough
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static byte[] base64(String part) {
        try {
            byte[] bytes = DECODER.decode(part);
            // One cursor, one spelling: base64 lets a few different strings decode to the same bytes.
            if (!ENCODER.encodeToString(bytes).equals(part)) {
                throw invalid("it is not a cursor this API issued");
            }
            return bytes;
        } catch (IllegalArgumentException e) {
            throw invalid("it is not a cursor this API issued");
        }
    }

    private static InvalidCursorException invalid(String why) {
        return new InvalidCursorException("Invalid cursor: " + why + ".");
    }
}
