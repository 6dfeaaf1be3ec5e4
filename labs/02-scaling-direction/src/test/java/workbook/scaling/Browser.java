package workbook.scaling;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** One user's browser: keeps the session cookie it was given and sends it back. */
final class Browser {
    record Answer(int status, String servedBy, String body) {
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final URI site;
    private String cookie;

    Browser(URI site) {
        this.site = site;
    }

    Answer logIn(String user) throws IOException, InterruptedException {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(site.resolve("/login")).timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.ofString(user)).build(), HttpResponse.BodyHandlers.ofString());
        response.headers().firstValue("Set-Cookie").ifPresent(setCookie -> cookie = setCookie.split(";", 2)[0]);
        return answer(response);
    }

    Answer profile() throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(site.resolve("/profile")).timeout(Duration.ofSeconds(5)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return answer(CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    String cookie() {
        return cookie;
    }

    private static Answer answer(HttpResponse<String> response) {
        return new Answer(response.statusCode(), response.headers().firstValue(ProfileApp.SERVED_BY).orElse("?"), response.body());
    }
}
