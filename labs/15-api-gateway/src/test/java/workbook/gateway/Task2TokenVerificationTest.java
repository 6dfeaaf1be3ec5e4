package workbook.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import workbook.labkit.testing.MutableClock;
import workbook.labkit.testing.Task;

import java.net.http.HttpResponse;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Task(2)
class Task2TokenVerificationTest {
    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    static final long T = NOW.getEpochSecond();
    static final String AUDIENCE = "orders-api";
    static final TokenRules RULES = new TokenRules(IdentityProvider.ISSUER, AUDIENCE, Duration.ofSeconds(30),
            Duration.ofMinutes(15), Duration.ofMinutes(5));

    static IdentityProvider idp;

    final MutableClock clock = MutableClock.at(NOW);

    @BeforeAll
    static void startProvider() throws Exception {
        idp = IdentityProvider.start();
    }

    @AfterAll
    static void stopProvider() {
        idp.close();
    }

    JwtVerifier verifier() {
        return new JwtVerifier(idp.keySource(), RULES, clock);
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    /** A 10-minute token for alice, issued a minute ago. */
    static String claims() {
        return IdentityProvider.claims("alice", AUDIENCE, T - 60, 600);
    }

    /** Tokens an attacker can make without the provider's private key, or that are no longer good. */
    static Map<String, String> forgedAndExpired(IdentityProvider idp) {
        Map<String, String> tokens = new LinkedHashMap<>();
        String kid = idp.currentKid();
        tokens.put("alg none", Jwt.unsigned("{\"alg\":\"none\",\"typ\":\"JWT\"}", claims()));
        tokens.put("HS256 keyed with the public key", Jwt.hs256("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}",
                claims(), idp.publicKey(kid).getEncoded()));
        String genuine = idp.sign(claims());
        String[] parts = genuine.split("\\.");
        tokens.put("payload changed to sub=admin", parts[0] + "." + Jwt.base64url(claims().replace("alice", "admin")) + "." + parts[2]);
        tokens.put("signed with the attacker's key", Jwt.rs256(idp.header(), claims(), keyOfNobody()));
        tokens.put("expired 2 minutes ago", idp.sign(IdentityProvider.claims("alice", AUDIENCE, T - 720, 600)));
        tokens.put("for another audience", idp.sign(IdentityProvider.claims("alice", "billing-api", T - 60, 600)));
        tokens.put("from another issuer", idp.sign(claims().replace(IdentityProvider.ISSUER, "https://evil.example.test")));
        return tokens;
    }

    @Test
    void forgedAndExpiredTokensNeverReachTheService() throws Exception {
        try (Service orders = Service.start("orders");
             Gateway gateway = Gateway.builder().service(orders).routes(Routes.everythingTo("orders"))
                     .authenticator(verifier()).start()) {
            List<String> reached = new ArrayList<>();
            for (Map.Entry<String, String> forged : forgedAndExpired(idp).entrySet()) {
                int before = orders.requests();
                HttpResponse<String> response = Client.get(gateway.uri("/orders"), "Authorization", bearer(forged.getValue()));
                if (orders.requests() > before || response.statusCode() != 401) {
                    reached.add(forged.getKey() + " -> " + response.statusCode());
                }
            }
            assertThat(reached).as("tokens that were not refused with 401 at the gateway (the service counts %d requests). "
                    + "A gateway that only decodes the payload believes anyone: check alg, kid, signature, exp, iss, aud",
                    orders.requests()).isEmpty();
            HttpResponse<String> genuine = Client.get(gateway.uri("/orders"), "Authorization", bearer(idp.sign(claims())));
            assertThat(genuine.statusCode()).as("a genuine 10-minute token for alice; body: %s", genuine.body()).isEqualTo(200);
            assertThat(orders.seen()).extracting(Service.Seen::subject).as("subjects the service saw").containsExactly("alice");
        }
    }

    @Test
    void aGenuineTokenGivesItsSubject() {
        assertThat(verifier().authenticate(bearer(idp.sign(claims())))).isEqualTo(new Principal("alice"));
    }

    @Test
    void theClockSkewIsToleratedEitherWayButNoMore() {
        JwtVerifier verifier = verifier();
        String expiredTenSecondsAgo = idp.sign(IdentityProvider.claims("bob", AUDIENCE, T - 610, 600));
        assertThat(verifier.authenticate(bearer(expiredTenSecondsAgo)))
                .as("exp 10 s ago, within the 30 s clock skew: accepted").isEqualTo(new Principal("bob"));
        String startsInTwentySeconds = idp.sign(IdentityProvider.claims("carol", AUDIENCE, T + 20, 600));
        assertThat(verifier.authenticate(bearer(startsInTwentySeconds)))
                .as("nbf in 20 s, within the 30 s clock skew: accepted").isEqualTo(new Principal("carol"));
        String startsInAMinute = idp.sign(IdentityProvider.claims("dave", AUDIENCE, T + 60, 600));
        assertThatThrownBy(() -> verifier.authenticate(bearer(startsInAMinute)))
                .as("nbf in 60 s: not valid yet, beyond the skew").isInstanceOf(Rejected.class);
    }

    @Test
    void aLongLivedTokenIsRefused() {
        String dayLong = idp.sign(IdentityProvider.claims("erin", AUDIENCE, T - 60, 86_400));
        assertThatThrownBy(() -> verifier().authenticate(bearer(dayLong)))
                .as("a token valid for 24 h; the gateway accepts lifetimes of 15 min at most (a stolen token is good "
                        + "until it expires)").isInstanceOf(Rejected.class);
    }

    @Test
    void aRotatedKeyIsFetchedOnceAndUnknownKeysDoNotFloodTheProvider() {
        JwtVerifier verifier = verifier();
        verifier.authenticate(bearer(idp.sign(claims())));
        int fetchesBefore = idp.fetches();
        idp.rotate();
        clock.advance(Duration.ofSeconds(301));
        assertThat(verifier.authenticate(bearer(idp.sign(claims()))))
                .as("a token signed with the provider's new key (%s)", idp.currentKid()).isEqualTo(new Principal("alice"));
        assertThat(idp.fetches() - fetchesBefore).as("key set fetches for one new kid").isEqualTo(1);
        for (int i = 0; i < 20; i++) {
            String unknownKid = Jwt.rs256("{\"alg\":\"RS256\",\"kid\":\"made-up-" + i + "\"}", claims(), keyOfNobody());
            assertThatThrownBy(() -> verifier.authenticate(bearer(unknownKid))).isInstanceOf(Rejected.class);
        }
        assertThat(idp.fetches() - fetchesBefore)
                .as("key set fetches after 20 tokens with made-up kids within 5 minutes of the last fetch: an unknown kid "
                        + "may fetch the key set again, but at most once per interval").isEqualTo(1);
    }

    private static java.security.PrivateKey nobody;

    /** A private key the identity provider never published: what an attacker signs with. */
    static synchronized java.security.PrivateKey keyOfNobody() {
        if (nobody == null) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                nobody = generator.generateKeyPair().getPrivate();
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return nobody;
    }
}
