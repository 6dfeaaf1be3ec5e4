package workbook.httpcache;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A parsed {@code Cache-Control} field (RFC 9111, section 5.2): a comma-separated list of
 * directives, each a token with an optional argument that is a token or a quoted string. Names are
 * case-insensitive; the first occurrence of a directive wins. Given: you do not need to change it.
 *
 * <pre>
 * CacheControl cc = CacheControl.parse("public, max-age=60, stale-while-revalidate=30");
 * cc.has("public");              // true
 * cc.seconds("s-maxage");        // OptionalLong[60]
 * </pre>
 */
public final class CacheControl {
    /** RFC 9111 1.2.2: a delta-seconds too large to represent is sent as 2^31. */
    private static final long MAX_DELTA_SECONDS = 2_147_483_648L;

    private final Map<String, String> directives;

    private CacheControl(Map<String, String> directives) {
        this.directives = Collections.unmodifiableMap(directives);
    }

    /** Parses every line of the field as one list; {@code null} or empty gives no directives. */
    public static CacheControl parse(List<String> fieldLines) {
        return parse(fieldLines == null ? null : String.join(", ", fieldLines));
    }

    public static CacheControl parse(String field) {
        Map<String, String> directives = new LinkedHashMap<>();
        if (field == null) {
            return new CacheControl(directives);
        }
        int i = 0;
        int n = field.length();
        while (i < n) {
            // name: up to '=' or ','
            int start = i;
            while (i < n && field.charAt(i) != '=' && field.charAt(i) != ',') {
                i++;
            }
            String name = field.substring(start, i).strip().toLowerCase(Locale.ROOT);
            String argument = null;
            if (i < n && field.charAt(i) == '=') {
                i++;
                while (i < n && field.charAt(i) == ' ') {
                    i++;
                }
                StringBuilder value = new StringBuilder();
                if (i < n && field.charAt(i) == '"') {
                    // quoted-string: may hold commas; a backslash escapes the next character
                    i++;
                    while (i < n && field.charAt(i) != '"') {
                        if (field.charAt(i) == '\\' && i + 1 < n) {
                            i++;
                        }
                        value.append(field.charAt(i++));
                    }
                    i++; // closing quote
                    while (i < n && field.charAt(i) != ',') {
                        i++;
                    }
                } else {
                    while (i < n && field.charAt(i) != ',') {
                        value.append(field.charAt(i++));
                    }
                }
                argument = value.toString().strip();
            }
            i++; // the comma
            if (!name.isEmpty()) {
                directives.putIfAbsent(name, argument == null ? "" : argument);
            }
        }
        return new CacheControl(directives);
    }

    public boolean has(String directive) {
        return directives.containsKey(directive.toLowerCase(Locale.ROOT));
    }

    /** The argument of a directive ({@code ""} when it has none), or empty when it is absent. */
    public Optional<String> argument(String directive) {
        return Optional.ofNullable(directives.get(directive.toLowerCase(Locale.ROOT)));
    }

    /** A delta-seconds argument ({@code max-age=60} gives 60); empty when absent or not a number. */
    public OptionalLong seconds(String directive) {
        String value = directives.get(directive.toLowerCase(Locale.ROOT));
        if (value == null || value.isEmpty() || !value.chars().allMatch(Character::isDigit)) {
            return OptionalLong.empty();
        }
        if (value.length() > 10) {
            return OptionalLong.of(MAX_DELTA_SECONDS);
        }
        return OptionalLong.of(Math.min(Long.parseLong(value), MAX_DELTA_SECONDS));
    }

    public Set<String> names() {
        return directives.keySet();
    }

    public boolean isEmpty() {
        return directives.isEmpty();
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        directives.forEach((name, argument) -> {
            if (!out.isEmpty()) {
                out.append(", ");
            }
            out.append(name);
            if (!argument.isEmpty()) {
                out.append('=').append(argument);
            }
        });
        return out.toString();
    }
}
