package workbook.httpcache;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Starts a JDK HTTP server on a free loopback port. Given. */
public final class Loopback {
    private Loopback() {
    }

    public static HttpServer start(HttpHandler handler, Executor threads) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        server.createContext("/", handler);
        server.setExecutor(threads);
        server.start();
        return server;
    }

    /** A pool of daemon threads called {@code name}, so that a server left open never keeps the JVM alive. */
    public static ExecutorService threads(String name) {
        return Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }
}
