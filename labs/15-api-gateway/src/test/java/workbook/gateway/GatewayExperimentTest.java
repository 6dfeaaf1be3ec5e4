package workbook.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Toxi;
import workbook.labkit.experiment.Csv;
import workbook.labkit.experiment.Experiment;
import workbook.labkit.experiment.LineChart;
import workbook.labkit.testing.MutableClock;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two failures of the lab side by side with their fixes, on real servers:
 * <ol>
 *   <li>one aggregate request over three services behind Toxiproxy, their latencies scaled from the
 *       source's 300, 200 and 500 ms, called one after the other (the starter's way, written here)
 *       and through {@link FanOut};</li>
 *   <li>100 requests (30 genuine tokens, 70 forged or expired) through a gateway that only decodes the
 *       payload and through one with {@link JwtVerifier}: how many of the 70 reach the service.</li>
 * </ol>
 * Writes CSVs and SVG charts under target/experiment/. Run it with {@code mvn test -Pexperiment}.
 */
@Tag("experiment")
class GatewayExperimentTest {
    @RegisterExtension
    static final Toxi toxi = Toxi.create();

    private static final double[] SCALES = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};
    private static final int[] BASE_LATENCIES = {300, 200, 500};
    private static final int ROUNDS = 3;

    @Test
    void sequentialAgainstParallelFanOut() throws Exception {
        List<Service> services = new ArrayList<>();
        List<Toxi.Proxied> proxies = new ArrayList<>();
        Map<String, URI> addresses = new LinkedHashMap<>();
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < BASE_LATENCIES.length; i++) {
            Service service = Service.start("s" + i);
            Toxi.Proxied proxy = toxi.localPort("experiment-s" + i, service.port());
            services.add(service);
            proxies.add(proxy);
            addresses.put(service.name(), URI.create("http://" + proxy.address()));
            parts.add(new Part(service.name(), service.name(), "/data", Duration.ofSeconds(10), true));
        }
        Upstreams upstreams = new Upstreams(addresses, new CorrelationIds(() -> "experiment-0001"));
        FanOut fanOut = new FanOut(upstreams);
        fanOut.aggregate(parts, "warm-up");
        Csv csv = new Csv("slowest_ms", "sum_ms", "sequential_ms", "parallel_ms");
        List<Double> slowest = new ArrayList<>();
        List<Double> sequential = new ArrayList<>();
        List<Double> parallel = new ArrayList<>();
        for (double scale : SCALES) {
            for (int i = 0; i < proxies.size(); i++) {
                proxies.get(i).toxics().getAll().forEach(toxic -> {
                    try {
                        toxic.remove();
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
                proxies.get(i).toxics().latency("latency", ToxicDirection.DOWNSTREAM, Math.round(BASE_LATENCIES[i] * scale));
            }
            long oneByOne = Long.MAX_VALUE;
            long together = Long.MAX_VALUE;
            for (int round = 0; round < ROUNDS; round++) {
                long start = System.nanoTime();
                for (Part part : parts) {
                    upstreams.call(part.service(), part.path(), "sequential", part.timeout()).join();
                }
                oneByOne = Math.min(oneByOne, (System.nanoTime() - start) / 1_000_000);
                start = System.nanoTime();
                fanOut.aggregate(parts, "parallel");
                together = Math.min(together, (System.nanoTime() - start) / 1_000_000);
            }
            long slowestMs = Math.round(500 * scale);
            long sumMs = Math.round(1000 * scale);
            csv.row(slowestMs, sumMs, oneByOne, together);
            slowest.add((double) slowestMs);
            sequential.add((double) oneByOne);
            parallel.add((double) together);
            System.out.printf("[experiment] latencies %3d/%3d/%3d ms: sequential %5d ms, parallel %5d ms%n",
                    Math.round(300 * scale), Math.round(200 * scale), slowestMs, oneByOne, together);
        }
        services.forEach(Service::close);
        List<Double> sums = slowest.stream().map(ms -> ms * 2).toList();
        LineChart chart = new LineChart("One aggregate request over three services (300/200/500 ms scaled)",
                "latency of the slowest service (ms)", "aggregate latency (ms, best of 3)")
                .series("sequential (starter)", slowest, sequential)
                .series("parallel (FanOut)", slowest, parallel)
                .series("sum of the three", slowest, sums)
                .series("slowest alone", slowest, slowest);
        write(csv, chart, "15-api-gateway-fan-out");
    }

    @Test
    void forgedTokensReachingTheService() throws Exception {
        MutableClock clock = MutableClock.at(Task2TokenVerificationTest.NOW);
        try (IdentityProvider idp = IdentityProvider.start()) {
            Map<String, String> forged = Task2TokenVerificationTest.forgedAndExpired(idp);
            List<String> tokens = new ArrayList<>();
            List<Boolean> isForged = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                boolean genuine = i % 10 < 3;                // 30 genuine, 70 forged or expired, interleaved
                tokens.add(genuine ? idp.sign(Task2TokenVerificationTest.claims())
                        : new ArrayList<>(forged.values()).get(i % forged.size()));
                isForged.add(!genuine);
            }
            Authenticator trusting = authorization -> {
                try {
                    String payload = authorization.substring("Bearer ".length()).split("\\.")[1];
                    return new Principal(new ObjectMapper().readTree(Base64.getUrlDecoder().decode(payload)).path("sub").asText());
                } catch (Exception e) {
                    throw new Rejected("unreadable");
                }
            };
            Map<String, int[]> reached = new LinkedHashMap<>();
            reached.put("only decodes the payload", run(trusting, tokens, isForged));
            reached.put("JwtVerifier", run(new JwtVerifier(idp.keySource(), Task2TokenVerificationTest.RULES, clock), tokens, isForged));
            Csv csv = new Csv("requests_sent", "forged_reaching_trusting", "forged_reaching_verifying");
            List<Double> xs = new ArrayList<>();
            for (int i = 0; i < tokens.size(); i++) {
                xs.add((double) i + 1);
                csv.row(i + 1, reached.get("only decodes the payload")[i], reached.get("JwtVerifier")[i]);
            }
            LineChart chart = new LineChart("Forged or expired tokens that reached the service (70 of 100 requests)",
                    "requests sent", "forged or expired requests at the service").steps();
            reached.forEach((name, counts) -> chart.series(name, xs,
                    java.util.Arrays.stream(counts).asDoubleStream().boxed().toList()));
            reached.forEach((name, counts) -> System.out.printf("[experiment] %-26s %d of 70 forged or expired tokens reached the service%n",
                    name, counts[counts.length - 1]));
            write(csv, chart, "15-api-gateway-forged");
        }
    }

    /** Sends every token through a gateway with this authenticator; the running count of forged ones the service saw. */
    private static int[] run(Authenticator authenticator, List<String> tokens, List<Boolean> isForged) throws Exception {
        int[] running = new int[tokens.size()];
        try (Service orders = Service.start("orders");
             Gateway gateway = Gateway.builder().service(orders).routes(Routes.everythingTo("orders"))
                     .authenticator(authenticator).start()) {
            int count = 0;
            for (int i = 0; i < tokens.size(); i++) {
                int before = orders.requests();
                Client.get(gateway.uri("/orders"), "Authorization", "Bearer " + tokens.get(i));
                if (isForged.get(i) && orders.requests() > before) {
                    count++;
                }
                running[i] = count;
            }
        }
        return running;
    }

    private static void write(Csv csv, LineChart chart, String name) throws Exception {
        Path csvFile = Experiment.output(name + ".csv");
        Path svgFile = Experiment.output(name + ".svg");
        csv.write(csvFile);
        chart.write(svgFile);
        System.out.println("[experiment] wrote " + csvFile + " and " + svgFile);
    }
}
