package workbook.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import workbook.labkit.testing.MutableClock;
import workbook.labkit.testing.Task;

import java.io.IOException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static workbook.gateway.Task2TokenVerificationTest.AUDIENCE;
import static workbook.gateway.Task2TokenVerificationTest.NOW;
import static workbook.gateway.Task2TokenVerificationTest.RULES;
import static workbook.gateway.Task2TokenVerificationTest.T;

@Task(2)
class HiddenTask2TokenVerificationTest {
    static final ObjectMapper JSON = new ObjectMapper();
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

    static ObjectNode claims(long issuedAt, long lifetime) throws IOException {
        return (ObjectNode) JSON.readTree(IdentityProvider.claims("alice", AUDIENCE, issuedAt, lifetime));
    }

    Principal verify(JwtVerifier verifier, ObjectNode claims) {
        return verifier.authenticate("Bearer " + idp.sign(claims.toString()));
    }

    void refused(JwtVerifier verifier, String authorization, String why) {
        assertThatThrownBy(() -> verifier.authenticate(authorization)).as(why).isInstanceOf(Rejected.class);
    }

    @Test
    void malformedHeadersAndTokensAreRefusedAsSuch() {
        JwtVerifier verifier = verifier();
        String genuine = idp.sign(Task2TokenVerificationTest.claims());
        refused(verifier, null, "no Authorization header");
        refused(verifier, "Basic YWxpY2U6c2VjcmV0", "Basic credentials");
        refused(verifier, genuine, "a token without the Bearer scheme");
        refused(verifier, "Bearer " + genuine.substring(0, genuine.lastIndexOf('.')), "two parts");
        refused(verifier, "Bearer " + genuine + ".extra", "four parts");
        refused(verifier, "Bearer " + genuine + ".", "four parts, the last one empty");
        refused(verifier, "Bearer " + genuine.substring(0, genuine.lastIndexOf('.') + 1), "an empty signature");
        refused(verifier, "Bearer !!!.???.***", "not base64url at all");
        String[] parts = genuine.split("\\.");
        refused(verifier, "Bearer " + Jwt.base64url("{\"alg\":\"rs256\",\"kid\":\"" + idp.currentKid() + "\"}") + "."
                + parts[1] + "." + parts[2], "alg rs256 in lower case is not RS256");
    }

    @Test
    void expiryIsExactAtTheSkew() throws Exception {
        JwtVerifier verifier = verifier();
        assertThat(verify(verifier, claims(T - 629, 600))).as("exp 29 s ago").isEqualTo(new Principal("alice"));
        assertThatThrownBy(() -> verify(verifier, claims(T - 630, 600))).as("exp exactly 30 s ago: now is not before exp + skew")
                .isInstanceOf(Rejected.class);
        assertThat(verify(verifier, claims(T + 30, 600))).as("nbf exactly 30 s ahead").isEqualTo(new Principal("alice"));
        assertThatThrownBy(() -> verify(verifier, claims(T + 31, 600))).as("nbf 31 s ahead").isInstanceOf(Rejected.class);
    }

    @Test
    void everyRequiredClaimIsChecked() throws Exception {
        JwtVerifier verifier = verifier();
        assertThatThrownBy(() -> verify(verifier, (ObjectNode) claims(T, 600).without("exp"))).as("no exp").isInstanceOf(Rejected.class);
        assertThatThrownBy(() -> verify(verifier, (ObjectNode) claims(T, 600).without("iat"))).as("no iat").isInstanceOf(Rejected.class);
        assertThatThrownBy(() -> verify(verifier, (ObjectNode) claims(T, 600).without("sub"))).as("no sub").isInstanceOf(Rejected.class);
        assertThatThrownBy(() -> verify(verifier, (ObjectNode) claims(T, 600).without("iss"))).as("no iss").isInstanceOf(Rejected.class);
        assertThatThrownBy(() -> verify(verifier, (ObjectNode) claims(T, 600).without("aud"))).as("no aud").isInstanceOf(Rejected.class);
        assertThat(verify(verifier, (ObjectNode) claims(T, 600).without("nbf"))).as("nbf is optional").isEqualTo(new Principal("alice"));
        assertThatThrownBy(() -> verify(verifier, claims(T, 600).put("sub", ""))).as("empty sub").isInstanceOf(Rejected.class);
        assertThatThrownBy(() -> verify(verifier, claims(T, 600).put("exp", String.valueOf(T + 600))))
                .as("exp as a string: a NumericDate is a JSON number (RFC 7519 §2)").isInstanceOf(Rejected.class);
        assertThatThrownBy(() -> verify(verifier, claims(T, 600).put("iat", String.valueOf(T))))
                .as("iat as a string").isInstanceOf(Rejected.class);
    }

    @Test
    void theLifetimeLimitIsInclusive() throws Exception {
        JwtVerifier verifier = verifier();
        assertThat(verify(verifier, claims(T - 10, 900))).as("exactly 15 minutes").isEqualTo(new Principal("alice"));
        assertThatThrownBy(() -> verify(verifier, claims(T - 10, 901))).as("15 minutes and 1 s").isInstanceOf(Rejected.class);
    }

    @Test
    void theAudienceMayBeAList() throws Exception {
        JwtVerifier verifier = verifier();
        ObjectNode both = claims(T, 600);
        both.putArray("aud").add("billing-api").add(AUDIENCE);
        assertThat(verify(verifier, both)).as("aud [billing-api, orders-api]").isEqualTo(new Principal("alice"));
        ObjectNode others = claims(T, 600);
        others.putArray("aud").add("billing-api").add("search-api");
        assertThatThrownBy(() -> verify(verifier, others)).as("aud [billing-api, search-api]").isInstanceOf(Rejected.class);
    }

    @Test
    void theKeySetIsFetchedOnceAndAgainOnlyAfterTheInterval() throws Exception {
        JwtVerifier verifier = verifier();
        int before = idp.fetches();
        for (int i = 0; i < 5; i++) {
            verify(verifier, claims(T, 600));
        }
        assertThat(idp.fetches() - before).as("fetches for 5 tokens with a known kid").isEqualTo(1);
        idp.rotate();
        clock.advance(Duration.ofSeconds(299));
        assertThatThrownBy(() -> verify(verifier, claims(T, 600))).as("a new kid 299 s after the last fetch (interval 300 s)")
                .isInstanceOf(Rejected.class);
        assertThat(idp.fetches() - before).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(verify(verifier, claims(T, 600))).as("the new kid 300 s after the last fetch").isEqualTo(new Principal("alice"));
        assertThat(idp.fetches() - before).isEqualTo(2);
    }

    @Test
    void anUnreachableKeySetRefusesTheToken() {
        JwtVerifier verifier = new JwtVerifier(() -> {
            throw new IOException("identity provider down");
        }, RULES, clock);
        refused(verifier, "Bearer " + idp.sign(Task2TokenVerificationTest.claims()), "the key set cannot be fetched");
    }
}
