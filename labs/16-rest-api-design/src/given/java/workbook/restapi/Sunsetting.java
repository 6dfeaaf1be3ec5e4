package workbook.restapi;

import java.time.Instant;

/**
 * The plan for an old version of the API: deprecated since {@code deprecatedSince} (RFC 9745's
 * Deprecation header), gone after {@code sunset} (RFC 8594's Sunset header).
 */
public record Sunsetting(Instant deprecatedSince, Instant sunset) {
    public Sunsetting {
        if (sunset.isBefore(deprecatedSince)) {
            throw new IllegalArgumentException("a version cannot be gone before it is deprecated");
        }
    }
}
