package workbook.labkit.toxiproxy;

import static eu.rekawek.toxiproxy.model.ToxicDirection.DOWNSTREAM;

import eu.rekawek.toxiproxy.Proxy;
import org.junit.jupiter.api.Test;

import java.net.Socket;

class TmpResetTest extends ToxiproxyServerTestBase {
    @Test
    void resetTimings() throws Exception {
        Proxy proxy = proxyTo(echoUpstream());
        long t0 = System.nanoTime();
        proxy.toxics().resetPeer("rst", DOWNSTREAM, 300);
        System.out.println("toxic create ms " + millisSince(t0));
        for (int i = 0; i < 15; i++) {
            long a = System.nanoTime();
            Socket socket = connect(proxy);
            long b = System.nanoTime();
            socket.getOutputStream().write("hello".getBytes());
            String outcome;
            try { outcome = "read " + socket.getInputStream().read(); } catch (Exception e) { outcome = e.toString(); }
            System.out.printf("connect %d ms, write->outcome %d ms: %s%n", (b - a) / 1000000, millisSince(b), outcome);
        }
    }
}
