package workbook.failing;

import eu.rekawek.toxiproxy.model.ToxicDirection;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Toxi;
import workbook.labkit.experiment.Csv;
import workbook.labkit.experiment.Experiment;
import workbook.labkit.experiment.LineChart;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The congestion-collapse chart: 4 workers, payments taking 50 ms (a capacity of about 80 a second),
 * clients that give up after 200 ms, from 2 to 32 of them. Goodput (answers in time, per second) and
 * p99, without a front door and with a load shedder of 8 slots. Then the slow-dependency table:
 * /payments success rate while recommendations take 3 s, with no protection, timeouts, and bulkheads.
 */
@Tag("experiment")
class GoodputExperimentTest {
    @RegisterExtension
    static final Toxi toxi = Toxi.create();

    static final int[] CLIENTS = {2, 4, 8, 12, 16, 24, 32};
    static final Duration MEASURED = Duration.ofMillis(800);
    static final Duration CLIENT_TIMEOUT = Duration.ofMillis(200);

    @Test
    void goodputAgainstOfferedLoad() throws Exception {
        List<Integer> xs = new ArrayList<>();
        List<Double> goodputQueued = new ArrayList<>();
        List<Double> goodputShed = new ArrayList<>();
        List<Double> p99Queued = new ArrayList<>();
        List<Double> p99Shed = new ArrayList<>();
        Csv csv = new Csv("clients", "front_door", "requests", "answered_in_time", "goodput_per_s", "shed_503", "client_timeouts", "p99_ms");
        try (Backend payments = Backend.payments()) {
            Toxi.Proxied toPayments = toxi.localPort("exp-payments", payments.port());
            toPayments.toxics().latency("payments-normal", ToxicDirection.DOWNSTREAM, 50);
            URI paymentsUri = URI.create("http://" + toPayments.address());
            for (int clients : CLIENTS) {
                xs.add(clients);
                for (boolean shed : new boolean[]{false, true}) {
                    Storefront.Builder builder = Storefront.builder(4).payments(new DependencyClient(paymentsUri, Timeouts.none()));
                    if (shed) {
                        builder.frontDoor(new LoadShedder(8, Duration.ofSeconds(1)));
                    }
                    Outcomes outcomes;
                    try (Storefront shop = builder.start()) {
                        URI pay = shop.uri("/payments/7");
                        LoadProbe.forDuration(pay, clients, Duration.ofMillis(200), CLIENT_TIMEOUT, new Outcomes());
                        outcomes = LoadProbe.forDuration(pay, clients, MEASURED, CLIENT_TIMEOUT, new Outcomes());
                    }
                    double goodput = outcomes.successes() * 1000.0 / MEASURED.toMillis();
                    long p99 = outcomes.percentile(99).toMillis();
                    (shed ? goodputShed : goodputQueued).add(goodput);
                    (shed ? p99Shed : p99Queued).add((double) p99);
                    csv.row(clients, shed ? "shedder-8" : "none", outcomes.total(), outcomes.successes(), goodput,
                            outcomes.count(503), outcomes.count(0), p99);
                    System.out.printf("%2d clients, %-10s goodput %5.1f/s, %3d shed, %3d timed out, p99 %4d ms%n",
                            clients, shed ? "shedder" : "no shedder", goodput, outcomes.count(503), outcomes.count(0), p99);
                }
            }
        }
        csv.write(Experiment.output("14-failing-well-goodput.csv"));
        new LineChart("Goodput: payments answered within the client's 200 ms (4 workers, 50 ms each)",
                "concurrent clients", "answers in time per second")
                .series("no front door (queue grows)", xs, goodputQueued)
                .series("load shedder, 8 slots, 503 + Retry-After", xs, goodputShed)
                .reference("capacity (4 workers / 50 ms)", 80)
                .write(Experiment.output("14-failing-well-goodput.svg"));
        new LineChart("p99 seen by clients (a client gives up at 200 ms)", "concurrent clients", "p99 (ms)")
                .series("no front door", xs, p99Queued)
                .series("load shedder, 8 slots", xs, p99Shed)
                .write(Experiment.output("14-failing-well-p99.svg"));
    }

    @Test
    void paymentsWhileRecommendationsAreSlow() throws Exception {
        Csv csv = new Csv("protection", "requests", "succeeded", "success_rate", "p99_ms");
        try (Backend recommendations = Backend.recommendations(); Backend payments = Backend.payments()) {
            Toxi.Proxied toRecommendations = toxi.localPort("exp-recommendations", recommendations.port());
            Toxi.Proxied toPayments = toxi.localPort("exp-payments-2", payments.port());
            toPayments.toxics().latency("payments-normal", ToxicDirection.DOWNSTREAM, 40);
            toRecommendations.toxics().latency("recommendations-slow", ToxicDirection.DOWNSTREAM, 3000);
            URI recs = URI.create("http://" + toRecommendations.address());
            URI pay = URI.create("http://" + toPayments.address());
            Timeouts sized = DependencyClient.timeoutsFor(Duration.ofMillis(50));
            for (String protection : new String[]{"none", "timeouts", "bulkheads", "timeouts+bulkheads"}) {
                Timeouts timeouts = protection.contains("timeouts") ? sized : Timeouts.none();
                Storefront.Builder builder = Storefront.builder(8)
                        .recommendations(new DependencyClient(recs, timeouts)).payments(new DependencyClient(pay, timeouts));
                if (protection.contains("bulkheads")) {
                    builder.bulkheads(new Bulkhead("recommendations", 2), new Bulkhead("payments", 6));
                }
                Outcomes outcomes;
                try (Storefront shop = builder.start(); AutoCloseable home = LoadProbe.pressure(shop.uri("/home?user=ann"), 16, Duration.ofMillis(20))) {
                    Thread.sleep(300);   // let the home-page clients take what they can
                    outcomes = LoadProbe.requests(shop.uri("/payments/7"), 40, 4, Duration.ofMillis(500), new Outcomes());
                }
                csv.row(protection, outcomes.total(), outcomes.successes(), outcomes.successRate(), outcomes.percentile(99).toMillis());
                System.out.printf("recommendations slow, protection %-20s /payments %s%n", protection, Summary.of(outcomes));
            }
        }
        csv.write(Experiment.output("14-failing-well-slow-dependency.csv"));
    }
}
