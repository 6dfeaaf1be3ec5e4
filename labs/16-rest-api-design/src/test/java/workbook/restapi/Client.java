package workbook.restapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A real HTTP client for one user of the API (the JDK's HttpClient); headers as name, value pairs. */
final class Client {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    static final String JSON = "application/json";
    static final String MERGE_PATCH = "application/merge-patch+json";
    private final URI base;
    private final String user;

    Client(URI base, String user) {
        this.base = base;
        this.user = user;
    }

    Client as(String otherUser) {
        return new Client(base, otherUser);
    }

    Reply get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    Reply post(String path, String json, String... headers) {
        return send("POST", path, json, withContentType(JSON, headers));
    }

    Reply patch(String path, String mergePatch, String... headers) {
        return send("PATCH", path, mergePatch, withContentType(MERGE_PATCH, headers));
    }

    Reply delete(String path, String... headers) {
        return send("DELETE", path, null, headers);
    }

    /** Any method; a header "Content-Type" among {@code headers} sets the body's type. */
    Reply send(String method, String path, String body, String... headers) {
        try {
            return trySend(method, path, body, headers);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed: " + e, e);
        }
    }

    /** Like {@link #send}, but a broken connection is an {@link IOException} for the test to expect. */
    Reply trySend(String method, String path, String body, String... headers) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(5))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header(BookmarkServer.USER_HEADER, user);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return Reply.of(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    static String[] withContentType(String type, String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase("Content-Type")) {
                return headers;
            }
        }
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = type;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return all;
    }
}
