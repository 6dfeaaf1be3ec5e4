package workbook.gateway;

import eu.rekawek.toxiproxy.model.ToxicDirection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Toxi;
import workbook.labkit.testing.Task;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Task(4)
class Task4FanOutTest {
    @RegisterExtension
    static final Toxi toxi = Toxi.create();

    /** For parts with no latency injected: generous, so that a loaded machine never makes them miss. */
    static final Duration GENEROUS = Duration.ofSeconds(3);

    private final Map<String, Service> services = new LinkedHashMap<>();
    private final Map<String, Toxi.Proxied> proxies = new LinkedHashMap<>();
    private Upstreams upstreams;

    @BeforeEach
    void start() throws Exception {
        Map<String, URI> addresses = new LinkedHashMap<>();
        for (String name : List.of("profile", "orders", "recommendations")) {
            Service service = Service.start(name);
            services.put(name, service);
            Toxi.Proxied proxy = toxi.localPort("fanout-" + name, service.port());
            proxies.put(name, proxy);
            addresses.put(name, URI.create("http://" + proxy.address()));
        }
        upstreams = new Upstreams(addresses, new CorrelationIds(() -> "fanout-test"));
    }

    @AfterEach
    void stop() {
        services.values().forEach(Service::close);
    }

    static Part part(String name, Duration timeout, boolean required) {
        return new Part(name, name, "/" + name, timeout, required);
    }

    @Test
    void threeCallsTakeAboutTheSlowestNotTheirSum() throws Exception {
        FanOut fanOut = new FanOut(upstreams);
        Duration timeout = Duration.ofSeconds(5);
        // Warm up first (connections opened, code loaded), so that both measured runs start equal.
        fanOut.aggregate(List.of(part("profile", timeout, true), part("orders", timeout, true),
                part("recommendations", timeout, true)), "warm-up");
        // The source's example: 300 + 200 + 500 ms in sequence is 1000 ms; in parallel, 500 ms.
        proxies.get("profile").toxics().latency("slow", ToxicDirection.DOWNSTREAM, 300);
        proxies.get("orders").toxics().latency("slow", ToxicDirection.DOWNSTREAM, 200);
        proxies.get("recommendations").toxics().latency("slow", ToxicDirection.DOWNSTREAM, 500);
        long start = System.nanoTime();
        Aggregate all = fanOut.aggregate(List.of(part("profile", timeout, true), part("orders", timeout, true),
                part("recommendations", timeout, true)), "r-1");
        long together = (System.nanoTime() - start) / 1_000_000;
        long alone = 0;
        for (String name : List.of("profile", "orders", "recommendations")) {
            start = System.nanoTime();
            fanOut.aggregate(List.of(part(name, timeout, true)), "r-2");
            alone += (System.nanoTime() - start) / 1_000_000;
        }
        double ratio = (double) together / alone;
        System.out.printf("[Task 4] three parts (300, 200, 500 ms) in one aggregate: %d ms; each alone, added up: %d ms; "
                + "ratio %.2f%n", together, alone, ratio);
        assertThat(all.bodies().keySet()).as("parts in the answer, in the parts' order").containsExactly("profile", "orders", "recommendations");
        assertThat(all.partial()).isFalse();
        assertThat(ratio).as("time for the three parts in one aggregate / the three called alone, added up (%d ms / %d ms): "
                + "about 1 means the calls ran one after the other (their sum), about 0.5 (the slowest over the sum) that "
                + "they overlapped. Start every call, then wait", together, alone).isLessThan(0.75);
    }

    @Test
    void aSlowOptionalPartIsMissingFromAPartialAnswer() throws Exception {
        proxies.get("recommendations").toxics().latency("slow", ToxicDirection.DOWNSTREAM, 2_000);
        Aggregate answer = new FanOut(upstreams).aggregate(List.of(part("profile", GENEROUS, true),
                part("orders", GENEROUS, true), part("recommendations", Duration.ofMillis(200), false)), "r-3");
        assertThat(answer.bodies().keySet()).as("parts answered").containsExactly("profile", "orders");
        assertThat(answer.missing()).as("parts missing: recommendations takes 2 s, its own timeout is 200 ms")
                .containsExactly("recommendations");
        assertThat(answer.partial()).isTrue();
    }

    @Test
    void aDeadRequiredPartFailsTheAnswer() throws Exception {
        proxies.get("orders").disable();
        FanOut fanOut = new FanOut(upstreams);
        assertThatThrownBy(() -> fanOut.aggregate(List.of(part("profile", GENEROUS, true), part("orders", GENEROUS, true)), "r-4"))
                .as("orders is down and required: the answer is worthless without it (the gateway answers 504)")
                .isInstanceOf(RequiredPartFailed.class);
        Aggregate answer = fanOut.aggregate(List.of(part("profile", GENEROUS, true), part("orders", GENEROUS, false)), "r-5");
        assertThat(answer.missing()).as("orders is down and optional: missing from a partial answer").containsExactly("orders");
        assertThat(answer.bodies()).containsOnlyKeys("profile");
    }

    @Test
    void theGatewayAnswers504WhenARequiredPartTimesOut() throws Exception {
        proxies.get("orders").toxics().latency("slow", ToxicDirection.DOWNSTREAM, 2_000);
        try (Gateway gateway = Gateway.builder()
                .service("profile", URI.create("http://" + proxies.get("profile").address()))
                .service("orders", URI.create("http://" + proxies.get("orders").address()))
                .routes(Routes.everythingTo("profile"))
                .aggregate("/home", List.of(part("profile", GENEROUS, true), part("orders", Duration.ofMillis(200), true)))
                .start()) {
            HttpResponse<String> response = Client.get(gateway.uri("/home"));
            assertThat(response.statusCode()).as("GET /home with its required orders part 2 s late (timeout 200 ms); body: %s",
                    response.body()).isEqualTo(504);
        }
    }
}
