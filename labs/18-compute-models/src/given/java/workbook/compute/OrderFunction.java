package workbook.compute;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Task 4's function: one invocation looks up one order's status. Two ways to reach the data. */
public interface OrderFunction {

    /** One invocation; the order's status, or an exception. */
    String handle(long orderId) throws Exception;

    /** The data service answered 503: it could not get a connection in time. */
    final class BusyException extends Exception {
        public BusyException(String message) {
            super(message);
        }
    }

    /**
     * What a function does when nobody stops it: each of {@code instances} invocations, in its own
     * isolated instance, opens its own connection to PostgreSQL and runs its query. A warm instance
     * keeps its connection for its next request, so each one holds it here until every invocation
     * of the spike has finished, then closes it.
     */
    static OrderFunction direct(DatabaseAddress database, int instances) {
        CountDownLatch spikeServed = new CountDownLatch(instances);
        return orderId -> {
            boolean done = false;
            try (Connection connection = database.connect()) {
                String status = Orders.status(connection, orderId).orElse("missing");
                spikeServed.countDown();
                done = true;
                spikeServed.await(30, TimeUnit.SECONDS);
                return status;
            } finally {
                if (!done) {
                    spikeServed.countDown();
                }
            }
        };
    }

    /** Every invocation asks the data service on this port over HTTP instead, and never touches the database. */
    static OrderFunction viaDataService(int port) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return orderId -> {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/orders/" + orderId))
                    .timeout(Duration.ofSeconds(20)).build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return switch (response.statusCode()) {
                case 200 -> response.body();
                case 404 -> "missing";
                case 503 -> throw new BusyException("503 from the data service: " + response.body());
                default -> throw new IllegalStateException(response.statusCode() + " from the data service: " + response.body());
            };
        };
    }
}
