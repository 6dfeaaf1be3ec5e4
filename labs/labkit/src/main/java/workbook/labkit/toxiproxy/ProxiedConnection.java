package workbook.labkit.toxiproxy;

import java.io.IOException;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/** One client connection through a proxy: the client's socket, the upstream socket, and a pipe each way. */
final class ProxiedConnection {
    private final Socket client;
    private final Socket upstream;
    private final Pipe toUpstream;
    private final Pipe toClient;
    private final Consumer<ProxiedConnection> onClosed;
    private final AtomicInteger pipesRunning = new AtomicInteger(2);

    ProxiedConnection(Socket client, Socket upstream, Function<Direction, List<Toxic>> toxics,
                      Consumer<ProxiedConnection> onClosed) {
        this.client = client;
        this.upstream = upstream;
        this.onClosed = onClosed;
        long openedAt = System.nanoTime();
        this.toUpstream = new Pipe(client, upstream, () -> toxics.apply(Direction.UPSTREAM), openedAt);
        this.toClient = new Pipe(upstream, client, () -> toxics.apply(Direction.DOWNSTREAM), openedAt);
    }

    /** Four threads: a reader and a deliverer per direction. */
    void start(Executor threads) {
        for (Pipe pipe : List.of(toUpstream, toClient)) {
            threads.execute(pipe::readSource);
            threads.execute(() -> pipeEnded(pipe, pipe.deliver()));
        }
    }

    void toxicsChanged() {
        toUpstream.toxicsChanged();
        toClient.toxicsChanged();
    }

    /** Closes both sockets at once, as disabling or deleting a proxy does. */
    void close() {
        toUpstream.stop();
        toClient.stop();
        closeQuietly(client);
        closeQuietly(upstream);
    }

    /**
     * Closing with SO_LINGER 0 makes the operating system send a TCP RST instead of a FIN: both peers
     * see "connection reset" rather than a clean end of stream.
     */
    void reset() {
        for (Socket socket : List.of(client, upstream)) {
            try {
                socket.setSoLinger(true, 0);
            } catch (IOException alreadyClosed) {
                // nothing to reset
            }
        }
        close();
    }

    private void pipeEnded(Pipe pipe, Pipe.Ending ending) {
        switch (ending) {
            case CLOSE:
                // Like Toxiproxy, the end of one direction closes the socket it was writing to; the
                // other direction then sees its source fail, ends too, and closes the other socket.
                closeQuietly(pipe.destination());
                break;
            case RESET:
                reset();
                break;
            case STOPPED:
            default:
                break;
        }
        if (pipesRunning.decrementAndGet() == 0) {
            close();
            onClosed.accept(this);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
    }
}
