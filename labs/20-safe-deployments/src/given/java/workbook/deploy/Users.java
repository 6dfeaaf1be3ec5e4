package workbook.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Users calling the service through the load balancer: each answer says its status and which version served it. */
public final class Users {
    private final URI balancer;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    public Users(LoadBalancer balancer) {
        this.balancer = balancer.uri();
    }

    public record Answer(int status, String version) {
        public boolean failed() {
            return status >= 500;
        }
    }

    public Answer get(String user, String path) {
        try {
            return toAnswer(http.send(request(user, path), HttpResponse.BodyHandlers.discarding()));
        } catch (IOException e) {
            return new Answer(599, "none");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(599, "none");
        }
    }

    public CompletableFuture<Answer> getAsync(String user, String path) {
        return http.sendAsync(request(user, path), HttpResponse.BodyHandlers.discarding())
                .thenApply(Users::toAnswer)
                .exceptionally(error -> new Answer(599, "none"));
    }

    private HttpRequest request(String user, String path) {
        return HttpRequest.newBuilder(balancer.resolve(path)).header(LoadBalancer.USER_HEADER, user)
                .timeout(Duration.ofSeconds(25)).GET().build();
    }

    private static Answer toAnswer(HttpResponse<?> response) {
        return new Answer(response.statusCode(), response.headers().firstValue(LoadBalancer.VERSION_HEADER).orElse("none"));
    }
}
