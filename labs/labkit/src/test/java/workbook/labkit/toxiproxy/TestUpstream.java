package workbook.labkit.toxiproxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A tiny TCP server to put behind a proxy: echoes what it reads, or sends a payload and closes. */
final class TestUpstream implements AutoCloseable {
    private final ServerSocket listener;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();

    private interface Behaviour {
        void serve(Socket socket) throws IOException;
    }

    private TestUpstream(Behaviour behaviour) throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> acceptLoop(behaviour), "test-upstream-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Writes back every byte it receives, until the client closes. */
    static TestUpstream echo() throws IOException {
        return new TestUpstream(socket -> {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            byte[] buffer = new byte[8192];
            int count;
            while ((count = in.read(buffer)) != -1) {
                out.write(buffer, 0, count);
            }
        });
    }

    /** Sends {@code payload} in one write as soon as a client connects, then closes the connection. */
    static TestUpstream sendingThenClosing(byte[] payload) throws IOException {
        return new TestUpstream(socket -> socket.getOutputStream().write(payload));
    }

    String address() {
        return "127.0.0.1:" + listener.getLocalPort();
    }

    int connectionsAccepted() {
        return connections.get();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : accepted) {
            socket.close();
        }
    }

    private void acceptLoop(Behaviour behaviour) {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                socket.setTcpNoDelay(true);
                accepted.add(socket);
                connections.incrementAndGet();
                Thread worker = new Thread(() -> {
                    try (socket) {
                        behaviour.serve(socket);
                    } catch (IOException ignored) {
                        // the test closed the connection
                    }
                }, "test-upstream-connection");
                worker.setDaemon(true);
                worker.start();
            } catch (IOException closed) {
                return;
            }
        }
    }
}
