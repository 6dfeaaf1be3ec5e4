package workbook.ratelimit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough of an RFC 9651 structured-field parser for the RateLimit headers: a list of items, each
 * a string or a token with parameters, such as {@code "default";q=100;w=60, "daily";q=1000;w=86400}.
 * Tests read headers through it instead of comparing whole strings, so spacing and parameter order are free.
 */
final class StructuredFields {
    private StructuredFields() {
    }

    /** One list member: its value (a string, without quotes) and its parameters (name to raw value). */
    record Item(String value, Map<String, String> params) {
        long integer(String param) {
            String raw = params.get(param);
            if (raw == null) {
                throw new AssertionError("parameter '" + param + "' missing from item " + this);
            }
            return Long.parseLong(raw);
        }
    }

    static List<Item> parseList(String header) {
        if (header == null) {
            throw new AssertionError("header missing");
        }
        List<Item> items = new ArrayList<>();
        for (String member : splitOutsideQuotes(header, ',')) {
            List<String> parts = splitOutsideQuotes(member, ';');
            String value = parts.get(0).strip();
            if (value.startsWith("\"") && value.endsWith("\"") && value.length() >= 2) {
                value = value.substring(1, value.length() - 1);
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (String param : parts.subList(1, parts.size())) {
                String[] nameValue = param.strip().split("=", 2);
                params.put(nameValue[0].strip(), nameValue.length == 2 ? nameValue[1].strip() : "?1");
            }
            items.add(new Item(value, params));
        }
        return items;
    }

    /** The item for {@code name}, failing with the whole header when there is none. */
    static Item item(String header, String name) {
        return parseList(header).stream().filter(item -> item.value().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no item named \"" + name + "\" in header value: " + header));
    }

    private static List<String> splitOutsideQuotes(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }
}
