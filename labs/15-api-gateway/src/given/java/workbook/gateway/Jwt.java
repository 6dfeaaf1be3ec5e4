package workbook.gateway;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds compact JWS tokens (RFC 7515): base64url(header) . base64url(payload) . base64url(signature),
 * without padding. The identity provider signs with it, and the tests use it to forge tokens.
 */
public final class Jwt {
    private Jwt() {
    }

    public static String base64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String base64url(String text) {
        return base64url(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The signing input of RFC 7515 §5.1: the two first parts, joined by a dot. */
    public static String signingInput(String headerJson, String payloadJson) {
        return base64url(headerJson) + "." + base64url(payloadJson);
    }

    /** A token signed with RS256 (RSASSA-PKCS1-v1_5 with SHA-256, RFC 7518 §3.3). */
    public static String rs256(String headerJson, String payloadJson, PrivateKey key) {
        String input = signingInput(headerJson, payloadJson);
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key);
            signer.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + base64url(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token signed with HS256 (HMAC SHA-256) and {@code secret} as the key. */
    public static String hs256(String headerJson, String payloadJson, byte[] secret) {
        String input = signingInput(headerJson, payloadJson);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return input + "." + base64url(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An unsecured token (alg "none", RFC 7519 §6): no signature at all. */
    public static String unsigned(String headerJson, String payloadJson) {
        return signingInput(headerJson, payloadJson) + ".";
    }
}
