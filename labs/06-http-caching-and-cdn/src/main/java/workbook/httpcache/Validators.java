package workbook.httpcache;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Task 2: validators (ETag, Last-Modified) and the conditional-request checks of RFC 9110, 13.1. */
public final class Validators {
    private Validators() {
    }

    /** An HTTP-date ({@code Thu, 01 Jan 2026 00:00:00 GMT}), as Last-Modified and If-Modified-Since carry it. Given. */
    public static String httpDate(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atZone(ZoneOffset.UTC));
    }

    /** A strong ETag computed from the bytes of a representation: equal bytes, equal tags. */
    public static String strongEtag(byte[] content) {
        throw new UnsupportedOperationException("Task 2: a quoted hash of the bytes, such as \"3f2a9c1e...\"");
    }

    public static String strongEtag(String content) {
        return strongEtag(content.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Whether an {@code If-None-Match} field matches the current ETag, so that a GET is answered
     * 304: {@code *} matches any current representation; otherwise any tag of the list matches by
     * weak comparison ({@code W/"x"} and {@code "x"} are the same tag). {@code null} never matches.
     */
    public static boolean ifNoneMatchHits(String ifNoneMatch, String currentEtag) {
        throw new UnsupportedOperationException("Task 2: compare If-None-Match (a list, W/ tags, or *) with the current ETag");
    }

    /**
     * Whether a representation last modified at {@code lastModified} is unchanged since the
     * {@code If-Modified-Since} date. HTTP dates have whole seconds; an unparsable date is ignored
     * (RFC 9110, 13.1.3), so it gives {@code false}.
     */
    public static boolean notModifiedSince(String ifModifiedSince, Instant lastModified) {
        throw new UnsupportedOperationException("Task 2: parse the HTTP-date and compare it with lastModified");
    }

    /**
     * The whole decision for a GET: 304 when {@code If-None-Match} matches; when the request has an
     * {@code If-None-Match}, {@code If-Modified-Since} is ignored (RFC 9110, 13.2.2), because the tag
     * is the more precise validator.
     */
    public static boolean notModified(String ifNoneMatch, String ifModifiedSince, String currentEtag, Instant lastModified) {
        throw new UnsupportedOperationException("Task 2: If-None-Match first; If-Modified-Since only without it");
    }
}
