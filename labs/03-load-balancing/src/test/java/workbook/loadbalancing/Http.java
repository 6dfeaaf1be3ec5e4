package workbook.loadbalancing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 request over a plain socket. The tests need this to choose the Host header freely
 * (java.net.http.HttpClient does not let a caller set it): "api.example.com" and "www.example.com"
 * both reach the proxy on 127.0.0.1.
 */
final class Http {
    record Reply(int status, String body) {
        @Override
        public String toString() {
            return status < 0 ? "no HTTP response (" + body + ")" : "HTTP " + status + " '" + body.strip() + "'";
        }
    }

    private Http() {
    }

    static Reply send(URI proxy, String method, String host, String path) {
        try (Socket socket = new Socket(proxy.getHost(), proxy.getPort())) {
            socket.setSoTimeout(8_000);
            String body = method.equals("POST") ? "{\"order\":1}" : "";
            String request = method + " " + path + " HTTP/1.1\r\n"
                    + "Host: " + host + "\r\n"
                    + "Connection: close\r\n"
                    + (body.isEmpty() ? "" : "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n")
                    + "\r\n" + body;
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!response.startsWith("HTTP/1.1 ")) {
                return new Reply(-1, response.isEmpty() ? "the proxy closed the connection without answering" : response);
            }
            int status = Integer.parseInt(response.substring(9, 12));
            int bodyStart = response.indexOf("\r\n\r\n");
            return new Reply(status, bodyStart < 0 ? "" : response.substring(bodyStart + 4));
        } catch (IOException e) {
            return new Reply(-1, e.toString());
        }
    }

    static Reply get(URI proxy, String host, String path) {
        return send(proxy, "GET", host, path);
    }
}
