package workbook.labkit.toxiproxy;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.util.concurrent.CountDownLatch;

/**
 * The lab kit's Toxiproxy on its own, for a lab room without Docker that wants one shared fault
 * proxy, or anyone who wants to poke at the API with curl: {@code ./workbook toxiproxy [--host H] [--port P]}.
 * It answers like Toxiproxy 2.12 ({@code toxiproxy-server -host H -port P}) until Ctrl+C.
 *
 * <p>It listens on 127.0.0.1:8474 unless told otherwise. Other machines can only use it when it
 * listens on an address they reach ({@code --host 0.0.0.0}); its API has no password, so whoever
 * reaches it can open ports on this machine and relay connections through them. Do that on a
 * trusted lab network only.
 */
public final class ToxiproxyMain {
    static final int EXIT_USAGE = 2;
    static final int EXIT_CANNOT_LISTEN = 1;

    private ToxiproxyMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int exitCode = run(args, System.out, System.err);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    /** Starts the server and blocks until the JVM is asked to stop; returns an exit code only when it cannot start. */
    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        String host = "127.0.0.1";
        String port = "8474";
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("-h") || option.equals("--help")) {
                out.println(usage());
                return 0;
            }
            if ((option.equals("--host") || option.equals("--port")) && i + 1 < args.length) {
                if (option.equals("--host")) {
                    host = args[++i];
                } else {
                    port = args[++i];
                }
                continue;
            }
            err.println("toxiproxy: unknown or incomplete option '" + option + "'. " + usage());
            return EXIT_USAGE;
        }
        int portNumber;
        try {
            portNumber = Integer.parseInt(port);
            if (portNumber < 0 || portNumber > 65535) {
                throw new NumberFormatException(port);
            }
        } catch (NumberFormatException e) {
            err.println("toxiproxy: --port must be a number from 0 to 65535 (0 picks a free port), not '" + port + "'.");
            return EXIT_USAGE;
        }

        ToxiproxyServer server;
        try {
            server = ToxiproxyServer.start(host, portNumber);
        } catch (BindException e) {
            err.println("toxiproxy: port " + portNumber + " on " + host + " is already in use (another Toxiproxy, "
                    + "a Docker container or a lab JVM still running?). Stop it, or choose another port: --port 8475.");
            return EXIT_CANNOT_LISTEN;
        } catch (IOException e) {
            err.println("toxiproxy: cannot listen on " + host + ":" + portNumber + ": " + e.getMessage());
            return EXIT_CANNOT_LISTEN;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "toxiproxy-shutdown"));
        out.println("Toxiproxy " + ApiRoutes.VERSION + " API listening on http://" + hostForUrl(host) + ":"
                + server.apiPort() + " (WORKBOOK_TOXIPROXY_URL); press Ctrl+C to stop it.");
        if (!isLoopback(host)) {
            out.println("Warning: reachable from other machines, without a password: anyone who reaches it can "
                    + "open ports here and relay connections through them. Use it on a trusted lab network only.");
        }
        out.flush();
        stopped.await();
        return 0;
    }

    private static String usage() {
        return "Usage: ./workbook toxiproxy [--host 127.0.0.1] [--port 8474]";
    }

    private static String hostForUrl(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }
}
