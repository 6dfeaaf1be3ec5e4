package workbook.labkit.toxiproxy;

import eu.rekawek.toxiproxy.Proxy;
import org.junit.jupiter.api.Test;

class TmpStressTest extends ToxiproxyServerTestBase {
    @Test
    void restartManyTimes() throws Exception {
        TestUpstream a = echoUpstream();
        TestUpstream b = echoUpstream();
        Proxy proxy = proxyTo(a);
        long t0 = System.nanoTime();
        for (int i = 0; i < 100; i++) client.getProxy(proxy.getName());
        long t1 = System.nanoTime();
        for (int i = 0; i < 100; i++) proxy.setUpstream(i % 2 == 0 ? b.address() : a.address());
        long t2 = System.nanoTime();
        for (int i = 0; i < 100; i++) { proxy.disable(); proxy.enable(); }
        long t3 = System.nanoTime();
        System.out.printf("get %d ms, restart %d ms, disable+enable %d ms (per 100)%n", (t1-t0)/1000000, (t2-t1)/1000000, (t3-t2)/1000000);
    }
}
