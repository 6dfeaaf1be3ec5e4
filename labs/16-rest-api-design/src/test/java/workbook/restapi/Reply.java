package workbook.restapi;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Optional;

/** A response as a test sees it: status, headers, body. */
record Reply(int status, java.net.http.HttpHeaders headers, String body) {
    static Reply of(HttpResponse<String> response) {
        return new Reply(response.statusCode(), response.headers(), response.body());
    }

    Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** The media type without parameters, or "(none)". */
    String mediaType() {
        return header("Content-Type").map(value -> value.split(";")[0].strip().toLowerCase(Locale.ROOT)).orElse("(none)");
    }

    JsonNode json() {
        return Json.parse(body);
    }

    /** For failure messages: the status and the start of the body. */
    String summary() {
        return status + " " + mediaType() + " " + (body.length() > 160 ? body.substring(0, 160) + "..." : body);
    }
}
