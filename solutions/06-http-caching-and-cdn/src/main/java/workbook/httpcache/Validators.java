package workbook.httpcache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

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
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            // 16 bytes of SHA-256 are plenty to tell versions of one URL apart.
            return '"' + HexFormat.of().formatHex(digest, 0, 16) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
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
        if (ifNoneMatch == null || currentEtag == null) {
            return false;
        }
        if (ifNoneMatch.strip().equals("*")) {
            return true;
        }
        String current = opaqueTag(currentEtag);
        for (String candidate : entityTags(ifNoneMatch)) {
            if (opaqueTag(candidate).equals(current)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a representation last modified at {@code lastModified} is unchanged since the
     * {@code If-Modified-Since} date. HTTP dates have whole seconds; an unparsable date is ignored
     * (RFC 9110, 13.1.3), so it gives {@code false}.
     */
    public static boolean notModifiedSince(String ifModifiedSince, Instant lastModified) {
        if (ifModifiedSince == null || lastModified == null) {
            return false;
        }
        try {
            Instant since = ZonedDateTime.parse(ifModifiedSince.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return !lastModified.truncatedTo(ChronoUnit.SECONDS).isAfter(since);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /**
     * The whole decision for a GET: 304 when {@code If-None-Match} matches; when the request has an
     * {@code If-None-Match}, {@code If-Modified-Since} is ignored (RFC 9110, 13.2.2), because the tag
     * is the more precise validator.
     */
    public static boolean notModified(String ifNoneMatch, String ifModifiedSince, String currentEtag, Instant lastModified) {
        if (ifNoneMatch != null) {
            return ifNoneMatchHits(ifNoneMatch, currentEtag);
        }
        return notModifiedSince(ifModifiedSince, lastModified);
    }

    /** {@code W/"x"} and {@code "x"} both give {@code "x"}. */
    private static String opaqueTag(String entityTag) {
        String tag = entityTag.strip();
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    /** Splits {@code "a", W/"b,c", "d"} into its tags; a comma inside quotes is part of a tag. */
    private static List<String> entityTags(String field) {
        List<String> tags = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : field.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                tags.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        tags.add(current.toString());
        return tags.stream().map(String::strip).toList(); // an empty entry never equals a quoted tag
    }
}
