package workbook.loadbalancing;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@Task(5)
class Task5HiddenTest {

    @Test
    void onlyFailuresInARowEjectAServer() {
        Server flaky = Server.named("flaky");
        Pool pool = new Pool("web", new RoundRobin(), 3, List.of(flaky, Server.named("steady")));

        pool.recordFailure(flaky);
        pool.recordFailure(flaky);
        pool.recordSuccess(flaky);
        pool.recordFailure(flaky);
        pool.recordFailure(flaky);

        assertThat(pool.isEjected(flaky))
                .as("failure, failure, success, failure, failure with a threshold of 3 in a row: a success ends "
                        + "the streak, so the server stays in (counting all failures ejects healthy but flaky servers)")
                .isFalse();
        assertThat(pool.consecutiveFailures(flaky)).as("failures since the last success").isEqualTo(2);
        pool.recordFailure(flaky);
        assertThat(pool.isEjected(flaky)).as("third failure in a row").isTrue();
        assertThat(pool.available()).as("servers offered to the balancer once flaky is ejected").extracting(Server::name)
                .containsExactly("steady");
    }

    @Test
    void aRetryGoesToAnotherServerEvenIfTheBalancerPrefersTheDeadOne() throws Exception {
        HttpServer live = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        live.createContext("/", exchange -> {
            byte[] body = "live".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        live.start();
        int gonePort;
        try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            gonePort = gone.getLocalPort();
        } // closed: nothing listens there any more, so connections are refused
        try {
            Server dead = Server.at("dead", URI.create("http://127.0.0.1:" + gonePort));
            Server alive = Server.at("alive", URI.create("http://127.0.0.1:" + live.getAddress().getPort()));
            Balancer alwaysFirst = (servers, clientKey) -> servers.get(0); // a sticky balancer: first candidate
            Pool pool = new Pool("web", alwaysFirst, 5, List.of(dead, alive));
            HttpClient client = HttpClient.newHttpClient();
            try (ReverseProxy proxy = ReverseProxy.start(Routes.to(pool), Duration.ofSeconds(30))) {
                for (int i = 0; i < 3; i++) {
                    HttpResponse<String> response = client.send(HttpRequest.newBuilder(proxy.uri().resolve("/item/" + i))
                            .timeout(Duration.ofSeconds(8)).GET().build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(response.statusCode())
                            .as("GET %d; the balancer keeps choosing the first candidate, which is down (%s). The retry "
                                    + "must leave out the server that just failed, or it fails the same way twice", i, response.body())
                            .isEqualTo(200);
                }
            }
        } finally {
            live.stop(0);
        }
    }
}
