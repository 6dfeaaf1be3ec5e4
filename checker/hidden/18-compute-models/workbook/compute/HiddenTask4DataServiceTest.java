package workbook.compute;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.testing.Concurrently;
import workbook.labkit.testing.Task;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@Task(4)
class HiddenTask4DataServiceTest {
    @RegisterExtension
    static final Postgres db = LabDatabase.fresh();

    @BeforeAll
    static void orders() throws Exception {
        LabDatabase.createOrders(db);
    }

    static HttpResponse<String> get(HttpClient client, int port, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theStatusCodesAndTheRetryAfterOfABusyService() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        try (DataService service = DataService.start(LabDatabase.forService(db), 1, Duration.ofMillis(250))) {
            HttpResponse<String> found = get(client, service.port(), "/orders/12");
            assertThat(found.statusCode()).as("status for order 12").isEqualTo(200);
            assertThat(found.body()).as("body for order 12").isEqualTo("shipped");
            assertThat(get(client, service.port(), "/orders/4242").statusCode()).as("status for a missing order").isEqualTo(404);
            List<Concurrently.Outcome<HttpResponse<String>>> outcomes = Concurrently.run(20,
                    caller -> get(client, service.port(), "/orders/" + (1 + caller)));
            List<HttpResponse<String>> busy = Concurrently.values(outcomes).stream().filter(r -> r.statusCode() == 503).toList();
            assertThat(busy).as("503 answers among 20 requests at once on a pool of 1 waiting 250 ms").isNotEmpty();
            assertThat(busy).as("every 503 says when to come back").allSatisfy(r ->
                    assertThat(r.headers().firstValue("Retry-After")).as("Retry-After of a 503").contains("1"));
        }
    }

    @Test
    void thePoolSizeIsTheCeiling() throws Exception {
        Storm.Result result;
        int peak;
        try (DataService service = DataService.start(LabDatabase.forService(db), 3, Duration.ofSeconds(15));
             LabDatabase.ConnectionWatch watch = new LabDatabase.ConnectionWatch(db)) {
            result = Storm.run(60, OrderFunction.viaDataService(service.port()));
            peak = watch.peak();
        }
        assertThat(result.served()).as("served (%s)", result).isEqualTo(60);
        assertThat(peak).as("the data service's connections at the server with a pool of 3").isBetween(1, 3);
    }

    @Test
    void anyOtherDatabaseErrorIsA500AndClosingReleasesThePortAndTheConnections() throws Exception {
        int port;
        try (DataService service = DataService.start(LabDatabase.forService(db), 2, Duration.ofSeconds(5))) {
            port = service.port();
            renameOrders("orders", "orders_elsewhere");
            try {
                assertThat(get(HttpClient.newHttpClient(), port, "/orders/12").statusCode())
                        .as("status for order 12 while the orders table is missing (a database error that is not a time-out)")
                        .isEqualTo(500);
            } finally {
                renameOrders("orders_elsewhere", "orders");
            }
        }
        assertThatThrownBy(() -> get(HttpClient.newHttpClient(), port, "/orders/12"))
                .as("a request to the data service's port after close()").isInstanceOf(IOException.class);
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            await().atMost(Duration.ofSeconds(10)).until(() -> LabDatabase.serviceConnections(statement) == 0);
        }
    }

    private static void renameOrders(String from, String to) throws SQLException {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.execute("alter table " + from + " rename to " + to);
        }
    }
}
