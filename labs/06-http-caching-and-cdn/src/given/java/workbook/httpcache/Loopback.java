package workbook.httpcache;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;

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
}
