package workbook.gateway;

import java.net.http.HttpRequest;

/** The correlation-id stage of the gateway (Task 3). */
public interface RequestIds {
    /** The header that carries the id, from the client, to the services, and back to the client. */
    String HEADER = "X-Request-Id";

    /** The id of a request whose X-Request-Id header is {@code incoming} (null when absent). */
    String idFor(String incoming);

    /** Adds what a service needs to know the id to a request the gateway sends it. */
    void tag(HttpRequest.Builder request, String id);

    /** One line of the gateway's log about the request with this id. */
    String logLine(String id, String event);

    /** The JSON body of an error answer the gateway makes itself (401, 404, 429, 502, 504...). */
    String errorBody(String id, int status, String message);
}
