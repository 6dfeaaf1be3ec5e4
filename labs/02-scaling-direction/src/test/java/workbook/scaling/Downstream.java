package workbook.scaling;

import com.sun.net.httpserver.HttpServer;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The service the I/O-bound endpoint waits on: answers at once; Toxiproxy in front of it adds the wait. */
final class Downstream implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "downstream");
        thread.setDaemon(true);
        return thread;
    });

    Downstream() {
        server = Http.loopbackServer();
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = "ok".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.setExecutor(threads);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
