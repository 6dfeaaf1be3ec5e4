package workbook.labkit.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Runs when JUnit starts, before any test class is loaded, in every test JVM of the course (Maven's
 * and the checker's): it switches on TCP_NODELAY for the JDK's {@code com.sun.net.httpserver}
 * servers the labs start on loopback. That server writes a response's headers and body as two TCP
 * segments; with Nagle's algorithm on, the body then waits for the client's delayed ACK (about
 * 40 ms on Linux), noise larger than many of the latencies the labs measure. The JDK reads the
 * property once, when the first server starts, which is why it is set here and not by a lab class
 * that may start second. Production servers (Tomcat, Netty, nginx) set TCP_NODELAY too.
 */
public final class LoopbackHttpDefaults implements LauncherSessionListener {
    static final String NODELAY = "sun.net.httpserver.nodelay";

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        System.setProperty(NODELAY, "true");
    }
}
