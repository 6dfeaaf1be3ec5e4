package workbook.scaling;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One instance of a small app, on a loopback port:
 * <ul>
 *   <li>{@code POST /login} with the user name as the body: 200 and {@code Set-Cookie: SESSION=<id>};</li>
 *   <li>{@code GET /profile} with {@code Cookie: SESSION=<id>}: 200 and the user, or 401 without a live session.</li>
 * </ul>
 * Every response carries {@code X-Served-By: <name>}, so a caller can see which instance answered.
 */
public final class ProfileApp implements AutoCloseable {
    public static final String SESSION_COOKIE = "SESSION";
    public static final String SERVED_BY = "X-Served-By";

    private final String name;
    private final SessionStore sessions;
    private final HttpServer server;
    private final ExecutorService workers;

    private ProfileApp(String name, SessionStore sessions) {
        this.name = name;
        this.sessions = sessions;
        this.server = Http.loopbackServer();
        this.workers = Executors.newFixedThreadPool(4);
        server.createContext("/login", this::login);
        server.createContext("/profile", this::profile);
        server.setExecutor(workers);
        server.start();
    }

    public static ProfileApp start(String name, SessionStore sessions) {
        return new ProfileApp(name, sessions);
    }

    public String name() {
        return name;
    }

    public URI uri() {
        return Http.uri(server);
    }

    private void login(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add(SERVED_BY, name);
        String user = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!"POST".equals(exchange.getRequestMethod()) || user.isEmpty()) {
            Http.respond(exchange, 400, "{\"error\":\"POST /login with a user name as the body\"}");
            return;
        }
        String sessionId = sessions.create(user);
        exchange.getResponseHeaders().add("Set-Cookie", SESSION_COOKIE + "=" + sessionId + "; Path=/; HttpOnly");
        Http.respond(exchange, 200, "{\"user\":\"" + user + "\"}");
    }

    private void profile(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add(SERVED_BY, name);
        Optional<String> user = sessionId(exchange).flatMap(sessions::user);
        if (user.isEmpty()) {
            Http.respond(exchange, 401, "{\"error\":\"no live session on " + name + "\"}");
            return;
        }
        Http.respond(exchange, 200, "{\"user\":\"" + user.get() + "\",\"servedBy\":\"" + name + "\"}");
    }

    private static Optional<String> sessionId(HttpExchange exchange) {
        String cookies = exchange.getRequestHeaders().getFirst("Cookie");
        if (cookies == null) {
            return Optional.empty();
        }
        for (String cookie : cookies.split(";")) {
            String[] pair = cookie.strip().split("=", 2);
            if (pair.length == 2 && pair[0].equals(SESSION_COOKIE)) {
                return Optional.of(pair[1]);
            }
        }
        return Optional.empty();
    }

    /** Stops the instance at once, as a crash or a scale-in would; its sessions go with it unless they live elsewhere. */
    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
        sessions.close();
    }
}
