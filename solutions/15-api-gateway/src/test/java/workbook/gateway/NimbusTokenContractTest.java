package workbook.gateway;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.testing.MutableClock;
import workbook.labkit.testing.Task;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static workbook.gateway.Task2TokenVerificationTest.AUDIENCE;
import static workbook.gateway.Task2TokenVerificationTest.NOW;
import static workbook.gateway.Task2TokenVerificationTest.T;

/**
 * The production twin of Task 2: Nimbus JOSE + JWT, configured the way the lab's JwtVerifier
 * behaves, against the same identity provider, the same forged and expired tokens and the same rules.
 */
@Task(2)
class NimbusTokenContractTest {
    @RegisterExtension
    static final IdentityProviderExtension provider = new IdentityProviderExtension();

    private static IdentityProvider idp() {
        return provider.get();
    }

    /** RS256 only, keys from the provider's JWKS, iss/aud/sub/iat/exp checked, 30 s skew, 15 min lifetime at most. */
    static DefaultJWTProcessor<SecurityContext> nimbus(MutableClock clock) throws Exception {
        JWKSource<SecurityContext> keys = JWKSourceBuilder.create(idp().jwksUri().toURL())
                .rateLimited(30_000)     // an unknown kid refreshes the set at most once per 30 s
                .build();
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(AUDIENCE,
                new JWTClaimsSet.Builder().issuer(IdentityProvider.ISSUER).build(), Set.of("sub", "iat", "exp")) {
            @Override
            protected Date currentTime() {
                return Date.from(clock.instant());   // the lab's fake clock instead of the wall clock
            }

            @Override
            public void verify(JWTClaimsSet claimsSet, SecurityContext context) throws BadJWTException {
                super.verify(claimsSet, context);
                // Nimbus has no maximum lifetime: the gateway's policy is one more check.
                long lifetime = claimsSet.getExpirationTime().getTime() - claimsSet.getIssueTime().getTime();
                if (lifetime > 15 * 60_000L) {
                    throw new BadJWTException("token lives longer than 15 minutes");
                }
            }
        };
        claims.setMaxClockSkew(30);
        processor.setJWTClaimsSetVerifier(claims);
        return processor;
    }


    @Test
    void refusesEveryForgedAndExpiredTokenOfTheLab() throws Exception {
        DefaultJWTProcessor<SecurityContext> nimbus = nimbus(MutableClock.at(NOW));
        List<String> accepted = new ArrayList<>();
        for (Map.Entry<String, String> forged : Task2TokenVerificationTest.forgedAndExpired(idp()).entrySet()) {
            try {
                nimbus.process(forged.getValue(), null);
                accepted.add(forged.getKey());
            } catch (Exception refused) {
                // what the gateway must do
            }
        }
        assertThat(accepted).as("forged or expired tokens Nimbus accepted").isEmpty();
        assertThat(nimbus.process(idp().sign(Task2TokenVerificationTest.claims()), null).getSubject()).isEqualTo("alice");
    }

    @Test
    void appliesTheSameSkewAndLifetime() throws Exception {
        DefaultJWTProcessor<SecurityContext> nimbus = nimbus(MutableClock.at(NOW));
        assertThat(nimbus.process(idp().sign(IdentityProvider.claims("bob", AUDIENCE, T - 610, 600)), null).getSubject())
                .as("exp 10 s ago, within the skew").isEqualTo("bob");
        assertThat(nimbus.process(idp().sign(IdentityProvider.claims("carol", AUDIENCE, T + 20, 600)), null).getSubject())
                .as("nbf in 20 s, within the skew").isEqualTo("carol");
        assertThatThrownBy(() -> nimbus.process(idp().sign(IdentityProvider.claims("dave", AUDIENCE, T + 60, 600)), null))
                .as("nbf in 60 s").isInstanceOf(BadJWTException.class);
        assertThatThrownBy(() -> nimbus.process(idp().sign(IdentityProvider.claims("erin", AUDIENCE, T - 60, 86_400)), null))
                .as("a day-long token").isInstanceOf(BadJWTException.class);
    }

    @Test
    void fetchesARotatedKeyButNotOncePerUnknownKid() throws Exception {
        DefaultJWTProcessor<SecurityContext> nimbus = nimbus(MutableClock.at(NOW));
        nimbus.process(idp().sign(Task2TokenVerificationTest.claims()), null);
        int before = idp().fetches();
        idp().rotate();
        assertThat(nimbus.process(idp().sign(Task2TokenVerificationTest.claims()), null).getSubject()).isEqualTo("alice");
        int afterRotation = idp().fetches() - before;
        for (int i = 0; i < 20; i++) {
            String unknown = Jwt.rs256("{\"alg\":\"RS256\",\"kid\":\"made-up-" + i + "\"}",
                    Task2TokenVerificationTest.claims(), Task2TokenVerificationTest.keyOfNobody());
            assertThatThrownBy(() -> nimbus.process(unknown, null)).isInstanceOf(Exception.class);
        }
        System.out.printf("[Nimbus] key set fetches: %d for the rotation, %d more for 20 unknown kids%n",
                afterRotation, idp().fetches() - before - afterRotation);
        assertThat(afterRotation).as("fetches for the new kid").isEqualTo(1);
        assertThat(idp().fetches() - before - afterRotation).as("fetches for 20 made-up kids").isZero();
    }
}
