package workbook.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * Task 2: verifies the bearer token of every request at the edge, so that the services only ever see
 * requests from a known, current caller. Uses the JDK's crypto only.
 */
public final class JwtVerifier implements Authenticator {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The one algorithm the gateway accepts, whatever the token's header says (RFC 8725 §3.1). */
    private static final String ALGORITHM = "RS256";

    private final KeySource keys;
    private final TokenRules rules;
    private final Clock clock;
    private Map<String, PublicKey> keySet = Map.of();
    private Instant lastFetch;

    public JwtVerifier(KeySource keys, TokenRules rules, Clock clock) {
        this.keys = keys;
        this.rules = rules;
        this.clock = clock;
    }

    /**
     * The principal of a request with {@code Authorization: Bearer <token>}. Refuses ({@link Rejected})
     * a missing or malformed token; any {@code alg} other than RS256; a {@code kid} that is not in the
     * key set (fetched again at most once per {@code keyRefreshInterval}); a bad signature; a token past
     * {@code exp} or before {@code nbf} (allowing {@code clockSkew} either way); a lifetime
     * {@code exp - iat} over {@code maxLifetime}; another {@code iss}; an {@code aud} that does not name
     * the gateway's audience; no {@code sub}.
     */
    @Override
    public Principal authenticate(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            throw new Rejected("missing bearer token");
        }
        String[] parts = authorization.substring("Bearer ".length()).split("\\.", -1);
        if (parts.length != 3) {
            throw new Rejected("not a signed token (JWS compact form has three parts)");
        }
        JsonNode header = decode(parts[0]);
        // Pin the algorithm: "none" or HS256 "signed" with our public key must never be tried.
        if (!ALGORITHM.equals(header.path("alg").asText())) {
            throw new Rejected("algorithm " + header.path("alg") + " is not accepted");
        }
        PublicKey key = keyFor(header.path("kid").asText());
        if (!signatureMatches(parts, key)) {
            throw new Rejected("bad signature");
        }
        return new Principal(checkClaims(decode(parts[1])));
    }

    /** The key with this kid; an unknown kid fetches the key set again, but at most once per interval. */
    private synchronized PublicKey keyFor(String kid) {
        PublicKey key = keySet.get(kid);
        Instant now = clock.instant();
        if (key == null && (lastFetch == null || !now.isBefore(lastFetch.plus(rules.keyRefreshInterval())))) {
            lastFetch = now;
            try {
                keySet = keys.fetch();
            } catch (IOException e) {
                throw new Rejected("key set unavailable: " + e.getMessage());
            }
            key = keySet.get(kid);
        }
        if (key == null) {
            throw new Rejected("unknown key id " + kid);
        }
        return key;
    }

    private static boolean signatureMatches(String[] parts, PublicKey key) {
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return verifier.verify(Base64.getUrlDecoder().decode(parts[2]));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Checks the registered claims of RFC 7519 §4.1 and returns the subject. */
    private String checkClaims(JsonNode claims) {
        long now = clock.instant().getEpochSecond();
        long skew = rules.clockSkew().toSeconds();
        if (!claims.path("exp").isNumber() || now >= claims.path("exp").asLong() + skew) {
            throw new Rejected("token expired (or has no exp)");
        }
        if (claims.has("nbf") && now < claims.path("nbf").asLong() - skew) {
            throw new Rejected("token not valid yet");
        }
        if (!claims.path("iat").isNumber()
                || claims.path("exp").asLong() - claims.path("iat").asLong() > rules.maxLifetime().toSeconds()) {
            throw new Rejected("token lives longer than " + rules.maxLifetime());
        }
        if (!rules.issuer().equals(claims.path("iss").asText())) {
            throw new Rejected("token from another issuer");
        }
        if (!namesAudience(claims.path("aud"))) {
            throw new Rejected("token for another audience");
        }
        String subject = claims.path("sub").asText();
        if (subject.isEmpty()) {
            throw new Rejected("token without a subject");
        }
        return subject;
    }

    /** aud is one string or an array of strings (RFC 7519 §4.1.3). */
    private boolean namesAudience(JsonNode aud) {
        if (aud.isArray()) {
            for (JsonNode one : aud) {
                if (rules.audience().equals(one.asText())) {
                    return true;
                }
            }
            return false;
        }
        return rules.audience().equals(aud.asText());
    }

    private static JsonNode decode(String part) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(part));
        } catch (IOException | IllegalArgumentException e) {
            throw new Rejected("unreadable token");
        }
    }
}
