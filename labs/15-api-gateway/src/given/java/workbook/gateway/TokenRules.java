package workbook.gateway;

import java.time.Duration;

/**
 * What the gateway accepts in a token: who must have issued it ({@code iss}), who it must be for
 * ({@code aud}), how much clock difference to tolerate on {@code exp} and {@code nbf}, the longest
 * lifetime ({@code exp - iat}) it accepts, and how often at most it fetches the key set again.
 */
public record TokenRules(String issuer, String audience, Duration clockSkew, Duration maxLifetime,
                         Duration keyRefreshInterval) {
}
