package workbook.deploy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import workbook.labkit.experiment.Csv;
import workbook.labkit.experiment.Experiment;
import workbook.labkit.experiment.LineChart;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * The same bad release (20% errors; the good version fails 1%) sent out three ways through the real
 * load balancer, 30 requests from random users per simulated second for 50 seconds, release at
 * second 10: a big-bang replace that a person notices after 20 s and redeploys in 10 s; a blue-green
 * switch with an automatic rollback when a second's error rate passes 5%; a 5% canary judged by the
 * SPRT. Writes the error rate users saw per second under target/experiment/. Run it with
 * {@code mvn test -Pexperiment}.
 */
@Tag("experiment")
class ReleaseExperimentTest {
    static final int SECONDS = 50;
    static final int PER_SECOND = 30;
    static final int RELEASE_AT = 10;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES) // 4,500 real requests through the balancer
    void aBadReleaseThreeWays() throws Exception {
        Map<String, double[]> rates = new LinkedHashMap<>();
        rates.put("big bang", bigBang());
        rates.put("blue-green, auto rollback", blueGreen());
        rates.put("canary 5%, SPRT", canary());

        Csv csv = new Csv("second", "big_bang", "blue_green", "canary");
        double[] xs = new double[SECONDS];
        for (int s = 0; s < SECONDS; s++) {
            xs[s] = s;
            csv.row(s, rates.get("big bang")[s], rates.get("blue-green, auto rollback")[s], rates.get("canary 5%, SPRT")[s]);
        }
        LineChart chart = new LineChart("Error rate users see; a release with 20% errors goes out at 10 s",
                "time (s)", "failed requests (%)").steps();
        rates.forEach((name, series) -> chart.series(name, xs, series));
        Path csvFile = Experiment.output("20-safe-deployments-error-rate.csv");
        Path svgFile = Experiment.output("20-safe-deployments-error-rate.svg");
        csv.write(csvFile);
        chart.write(svgFile);
        rates.forEach((name, series) -> {
            double failed = 0;
            for (double rate : series) {
                failed += rate * PER_SECOND / 100;
            }
            System.out.printf("[experiment] %-26s %4.0f failed requests of %d%n", name, failed, SECONDS * PER_SECOND);
        });
        System.out.println("[experiment] wrote " + csvFile + " and " + svgFile);
    }

    /** Runs the seconds; {@code atSecond} may change the routing before each one; returns % failed per second. */
    private static double[] run(Router router, IntConsumer atSecond, IntConsumer afterSecond, double[] rates) {
        Random users = new Random(20);
        try (LoadBalancer balancer = LoadBalancer.start(router)) {
            Users client = new Users(balancer);
            for (int s = 0; s < SECONDS; s++) {
                atSecond.accept(s);
                int failed = 0;
                for (int i = 0; i < PER_SECOND; i++) {
                    failed += client.get("user-" + users.nextInt(10_000), "/").failed() ? 1 : 0;
                }
                rates[s] = 100.0 * failed / PER_SECOND;
                afterSecond.accept(s);
            }
        }
        return rates;
    }

    private static double[] bigBang() {
        try (ServiceVersion good = ServiceVersion.start("v1", 0.01, 1); ServiceVersion bad = ServiceVersion.start("v2", 0.2, 2)) {
            ServiceVersion[] everyone = {good};
            Router inPlace = new Router() {
                @Override
                public ServiceVersion begin(String user) {
                    return everyone[0];
                }

                @Override
                public void end(ServiceVersion version, int status) {
                }
            };
            // noticed by a person 20 s after the release, redeployed 10 s later
            return run(inPlace, s -> everyone[0] = s >= RELEASE_AT && s < RELEASE_AT + 30 ? bad : good, s -> { }, new double[SECONDS]);
        }
    }

    private static double[] blueGreen() {
        try (ServiceVersion blue = ServiceVersion.start("blue", 0.01, 1); ServiceVersion green = ServiceVersion.start("green", 0.2, 2)) {
            BlueGreenRouter router = new BlueGreenRouter(blue);
            double[] rates = new double[SECONDS];
            return run(router, s -> {
                if (s == RELEASE_AT) {
                    switchTo(router, green);
                }
            }, s -> {
                if (router.live() == green && rates[s] > 5) {
                    switchTo(router, blue); // the alert fires at the end of the second: instant rollback
                }
            }, rates);
        }
    }

    private static double[] canary() {
        try (ServiceVersion blue = ServiceVersion.start("blue", 0.01, 1); ServiceVersion canary = ServiceVersion.start("canary", 0.2, 2)) {
            ServiceVersion[] stable = {blue};
            CanaryRouter[] router = {null};
            Router beforeRelease = new Router() {
                @Override
                public ServiceVersion begin(String user) {
                    return router[0] == null ? stable[0] : router[0].begin(user);
                }

                @Override
                public void end(ServiceVersion version, int status) {
                    if (router[0] != null) {
                        router[0].end(version, status);
                    }
                }
            };
            return run(beforeRelease, s -> {
                if (s == RELEASE_AT) {
                    router[0] = new CanaryRouter(blue, canary, 5, new CanaryJudge(0.01, 0.05, 2.0));
                }
            }, s -> { }, new double[SECONDS]);
        }
    }

    private static void switchTo(BlueGreenRouter router, ServiceVersion target) {
        try {
            router.switchTo(target, Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
