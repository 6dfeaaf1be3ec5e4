package workbook.failing;

import java.util.Map;

/** What the storefront answers: a status, headers and a body. */
public record Response(int status, Map<String, String> headers, String body) {
    public Response {
        headers = Map.copyOf(headers);
    }

    public static Response of(int status, String body) {
        return new Response(status, Map.of(), body);
    }
}
