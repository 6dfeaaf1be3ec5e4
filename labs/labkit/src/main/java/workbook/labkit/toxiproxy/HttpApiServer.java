package workbook.labkit.toxiproxy;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

/**
 * Just enough HTTP/1.1 for the Toxiproxy API: keep-alive, Content-Length or chunked request bodies,
 * and each response sent in a single write on a TCP_NODELAY socket.
 *
 * <p>Why not {@code com.sun.net.httpserver}: it writes the headers and the body of a response as two
 * TCP segments and only disables Nagle's algorithm when the JVM-wide property
 * {@code sun.net.httpserver.nodelay} is set, so every API call waits for the client's delayed ACK
 * (about 40 ms on Linux). The lab kit does set it for test JVMs ({@code LoopbackHttpDefaults}), but
 * this server must not depend on who started the JVM, and one write per response is simpler still.
 */
final class HttpApiServer implements AutoCloseable {
    private static final int MAX_LINE_BYTES = 8 * 1024;
    private static final int MAX_HEADERS = 100;
    private static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    /** Go's Toxiproxy closes idle API connections after 60 s as well. */
    private static final int IDLE_TIMEOUT_MILLIS = 60_000;
    /** Go's http.TimeFormat: always two-digit days, always GMT. */
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);
    private static final Map<Integer, String> REASONS = Map.of(200, "OK", 201, "Created", 204, "No Content",
            400, "Bad Request", 403, "Forbidden", 404, "Not Found", 405, "Method Not Allowed", 409, "Conflict",
            413, "Payload Too Large", 500, "Internal Server Error");

    /** A request as the API needs it: the path is already percent-decoded, header names are case-insensitive. */
    record Request(String method, String path, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name);
        }
    }

    /**
     * An answer. A null body means none at all, not even a Content-Length (204); an empty body is
     * sent as {@code Content-Length: 0}. Headers keep the order they were added in.
     */
    record Response(int status, Map<String, String> headers, byte[] body) {
        Response {
            headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        }

        static Response of(int status, String contentType, byte[] body) {
            return new Response(status, Map.of("Content-Type", contentType), body);
        }

        Response withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Response(status, more, body);
        }
    }

    private final ServerSocket listener;
    private final Function<Request, Response> handler;
    private final ExecutorService threads;
    private final Set<Socket> openConnections = ConcurrentHashMap.newKeySet();

    /** Serves {@code handler} on an already bound listener, one pool thread per connection. */
    HttpApiServer(ServerSocket listener, Function<Request, Response> handler, ExecutorService threads) {
        this.listener = listener;
        this.handler = handler;
        this.threads = threads;
        threads.execute(this::acceptConnections);
    }

    int port() {
        return listener.getLocalPort();
    }

    @Override
    public void close() {
        closeQuietly(listener);
        for (Socket socket : openConnections) {
            closeQuietly(socket);
        }
    }

    private void acceptConnections() {
        while (true) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException closed) {
                return;
            }
            try {
                openConnections.add(socket);
                threads.execute(() -> serve(socket));
            } catch (RejectedExecutionException shuttingDown) {
                closeQuietly(socket);
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(IDLE_TIMEOUT_MILLIS);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            boolean keepAlive = true;
            while (keepAlive) {
                Request request;
                Response response;
                try {
                    request = readRequest(in, out);
                    if (request == null) {
                        return; // the client closed between requests
                    }
                    response = handler.apply(request);
                    keepAlive = wantsKeepAlive(request);
                } catch (MalformedRequest e) {
                    request = null;
                    response = Response.of(e.status, "text/plain; charset=utf-8",
                            (e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
                    keepAlive = false;
                }
                out.write(encode(response, keepAlive, request != null && request.method().equals("HEAD")));
                out.flush();
            }
        } catch (IOException clientGoneOrIdle) {
            // nothing to answer
        } finally {
            openConnections.remove(socket);
        }
    }

    private static boolean wantsKeepAlive(Request request) {
        String connection = String.valueOf(request.header("connection")).toLowerCase(Locale.ROOT);
        return !connection.contains("close");
    }

    // ---- reading ---------------------------------------------------------------------------------

    private static Request readRequest(InputStream in, OutputStream out) throws IOException, MalformedRequest {
        String requestLine = readLine(in, true);
        while (requestLine != null && requestLine.isEmpty()) {
            requestLine = readLine(in, true); // tolerate blank lines between requests
        }
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
            throw new MalformedRequest(400, "malformed request line");
        }
        Map<String, String> headers = readHeaders(in);
        if (parts[2].equals("HTTP/1.0") && !headers.containsKey("connection")) {
            headers.put("connection", "close"); // HTTP/1.0 closes unless asked otherwise
        }
        if ("100-continue".equalsIgnoreCase(headers.get("expect"))) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
        return new Request(parts[0], decodedPath(parts[1]), headers, readBody(in, headers));
    }

    private static Map<String, String> readHeaders(InputStream in) throws IOException, MalformedRequest {
        Map<String, String> headers = new TreeMap<>();
        String line;
        while (!(line = readLine(in, false)).isEmpty()) {
            int colon = line.indexOf(':');
            if (colon <= 0 || headers.size() >= MAX_HEADERS) {
                throw new MalformedRequest(400, "malformed header");
            }
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        return headers;
    }

    private static byte[] readBody(InputStream in, Map<String, String> headers) throws IOException, MalformedRequest {
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            return readChunkedBody(in);
        }
        String length = headers.get("content-length");
        if (length == null) {
            return new byte[0];
        }
        long bytes;
        try {
            bytes = Long.parseLong(length);
        } catch (NumberFormatException e) {
            throw new MalformedRequest(400, "malformed Content-Length");
        }
        if (bytes < 0 || bytes > MAX_BODY_BYTES) {
            throw new MalformedRequest(413, "request body too large");
        }
        return readExactly(in, (int) bytes);
    }

    private static byte[] readChunkedBody(InputStream in) throws IOException, MalformedRequest {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in, false);
            int extension = sizeLine.indexOf(';');
            int size;
            try {
                size = Integer.parseInt((extension >= 0 ? sizeLine.substring(0, extension) : sizeLine).trim(), 16);
            } catch (NumberFormatException e) {
                throw new MalformedRequest(400, "malformed chunk size");
            }
            if (size == 0) {
                while (!readLine(in, false).isEmpty()) {
                    // skip trailers
                }
                return body.toByteArray();
            }
            if (size < 0 || body.size() + (long) size > MAX_BODY_BYTES) {
                throw new MalformedRequest(413, "request body too large");
            }
            body.write(readExactly(in, size));
            readLine(in, false); // the CRLF after each chunk
        }
    }

    private static byte[] readExactly(InputStream in, int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new EOFException("request body cut short");
        }
        return bytes;
    }

    /** One line without its CRLF (or LF); null at a clean end of stream if {@code endAllowed}. */
    private static String readLine(InputStream in, boolean endAllowed) throws IOException, MalformedRequest {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b == -1) {
                if (endAllowed && line.size() == 0) {
                    return null;
                }
                throw new EOFException("request cut short");
            }
            if (line.size() >= MAX_LINE_BYTES) {
                throw new MalformedRequest(400, "request line or header too long");
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    /**
     * The path of the request target, percent-decoded. As lenient as Go's parser: characters such as
     * {@code <} or {@code &} may come unencoded (the Java client puts proxy names into paths as they are).
     */
    private static String decodedPath(String target) throws MalformedRequest {
        int end = target.length();
        for (char stop : new char[] {'?', '#'}) {
            int at = target.indexOf(stop);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        String raw = target.substring(0, end);
        if (raw.matches("(?i)https?://[^/]*/.*")) { // absolute form, as proxies send it
            raw = raw.substring(raw.indexOf('/', raw.indexOf("//") + 2));
        }
        if (!raw.startsWith("/")) {
            throw new MalformedRequest(400, "malformed request target");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.ISO_8859_1));
                continue;
            }
            int hex = i + 2 < raw.length() ? hexByte(raw.charAt(i + 1), raw.charAt(i + 2)) : -1;
            if (hex < 0) {
                throw new MalformedRequest(400, "malformed percent-encoding in request target");
            }
            bytes.write(hex);
            i += 2;
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int hexByte(char high, char low) {
        int h = Character.digit(high, 16);
        int l = Character.digit(low, 16);
        return h < 0 || l < 0 ? -1 : h * 16 + l;
    }

    // ---- writing ---------------------------------------------------------------------------------

    /** Status line, headers and body in one array, so they leave in one write. */
    private static byte[] encode(Response response, boolean keepAlive, boolean headOnly) {
        StringBuilder head = new StringBuilder()
                .append("HTTP/1.1 ").append(response.status()).append(' ')
                .append(REASONS.getOrDefault(response.status(), "Status")).append("\r\n");
        for (Map.Entry<String, String> header : response.headers().entrySet()) {
            head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
        }
        head.append("Date: ").append(HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC))).append("\r\n");
        if (response.body() != null) {
            head.append("Content-Length: ").append(response.body().length).append("\r\n");
        }
        if (!keepAlive) {
            head.append("Connection: close\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (response.body() != null && !headOnly) {
            bytes.writeBytes(response.body());
        }
        return bytes.toByteArray();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing is best effort
        }
    }

    /** A request we cannot parse; answered with {@code status} and the connection closed. */
    private static final class MalformedRequest extends Exception {
        private static final long serialVersionUID = 1L;

        final int status;

        MalformedRequest(int status, String message) {
            super(message);
            this.status = status;
        }
    }
}
