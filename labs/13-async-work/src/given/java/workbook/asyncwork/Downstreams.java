package workbook.asyncwork;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * The three calls a signup triggers: the welcome email, the audit log and the chat notification, each
 * a real HTTP request to the address given (a {@link Downstream}, usually through a Toxiproxy proxy).
 */
public final class Downstreams {
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private final List<URI> targets;

    /** {@code host:port} addresses of the mailer, the audit log and the chat notifier, in that order. */
    public Downstreams(String email, String audit, String chat) {
        targets = List.of(URI.create("http://" + email + "/"), URI.create("http://" + audit + "/"),
                URI.create("http://" + chat + "/"));
    }

    /** Calls the three services one after the other, as the starter's signup does inline. */
    public void callAll(long userId) {
        for (URI target : targets) {
            HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"user\":" + userId + "}")).build();
            try {
                int status = CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status != 204) {
                    throw new IllegalStateException(target + " answered " + status);
                }
            } catch (IOException e) {
                throw new IllegalStateException("call to " + target + " failed: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while calling " + target, e);
            }
        }
    }
}
