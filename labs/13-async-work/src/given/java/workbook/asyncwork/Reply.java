package workbook.asyncwork;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** An HTTP response: status, headers (names compared without case) and body. */
public record Reply(int status, Map<String, String> headers, String body) {

    public Reply {
        Map<String, String> caseless = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        caseless.putAll(headers);
        headers = Collections.unmodifiableMap(caseless);
    }

    public static Reply of(int status, String body) {
        return new Reply(status, Map.of(), body);
    }

    public Reply withHeader(String name, String value) {
        Map<String, String> more = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        more.putAll(headers);
        more.put(name, value);
        return new Reply(status, more, body);
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }
}
