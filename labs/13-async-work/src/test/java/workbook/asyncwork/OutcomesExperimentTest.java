package workbook.asyncwork;

import eu.rekawek.toxiproxy.model.ToxicDirection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.Redis;
import workbook.labkit.Toxi;
import workbook.labkit.experiment.Csv;
import workbook.labkit.experiment.Experiment;
import workbook.labkit.experiment.LineChart;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Part 1: the signup's median latency with the three downstream calls inline and with a queue.
 * Part 2: 40 signups through three pipelines, with faults drawn from one seed at each fault rate
 * (Redis unreachable right after the user's commit, a worker dying after taking a job, a worker dying
 * after the side effect and before its ack, a relay dying between publishing and marking): how many
 * users never get their welcome email, and how many get it twice.
 * Writes CSVs and an SVG chart under target/experiment/. Run it with {@code mvn test -Pexperiment}.
 */
@Tag("experiment")
class OutcomesExperimentTest {
    @RegisterExtension
    static final Postgres db = Postgres.freshDatabase();
    @RegisterExtension
    static final Redis redis = Redis.isolated();
    @RegisterExtension
    static final Toxi toxi = Toxi.create();

    static final int USERS = 40;
    static final double[] FAULT_RATES = {0, 0.05, 0.10, 0.15, 0.20, 0.30};

    /** A user's fate: 0 emails (lost), 1 (done), 2 or more (doubled). */
    record Outcome(int lost, int once, int doubled) {
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)   // 18 runs of 40 signups: longer than the lab kit's 30 s per test
    void latencyAndOutcomesUnderFaults() throws Exception {
        latency();
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("list queue: lost", new double[FAULT_RATES.length]);
        series.put("stream + acks: lost", new double[FAULT_RATES.length]);
        series.put("stream + acks: twice", new double[FAULT_RATES.length]);
        series.put("outbox + idempotent: lost or twice", new double[FAULT_RATES.length]);
        Csv csv = new Csv("fault_rate", "pipeline", "lost", "once", "twice_or_more");
        for (int i = 0; i < FAULT_RATES.length; i++) {
            double rate = FAULT_RATES[i];
            Outcome naive = naivePipeline(rate);
            Outcome acks = streamPipeline(rate, false);
            Outcome outbox = streamPipeline(rate, true);
            csv.row(rate, "list", naive.lost(), naive.once(), naive.doubled());
            csv.row(rate, "stream_acks", acks.lost(), acks.once(), acks.doubled());
            csv.row(rate, "stream_outbox_idempotent", outbox.lost(), outbox.once(), outbox.doubled());
            series.get("list queue: lost")[i] = naive.lost();
            series.get("stream + acks: lost")[i] = acks.lost();
            series.get("stream + acks: twice")[i] = acks.doubled();
            series.get("outbox + idempotent: lost or twice")[i] = outbox.lost() + outbox.doubled();
            System.out.printf("fault rate %4.0f%%: list lost %2d | stream+acks lost %2d, twice %2d | outbox lost %d, twice %d%n",
                    rate * 100, naive.lost(), acks.lost(), acks.doubled(), outbox.lost(), outbox.doubled());
        }
        double[] xs = Arrays.stream(FAULT_RATES).map(rate -> rate * 100).toArray();
        LineChart chart = new LineChart("Welcome emails of 40 signups lost or sent twice, by fault rate",
                "probability of each fault (%)", "users affected (of 40)");
        series.forEach((name, ys) -> chart.series(name, xs, ys));
        csv.write(Experiment.output("13-async-work-outcomes.csv"));
        chart.write(Experiment.output("13-async-work-outcomes.svg"));
        System.out.println("wrote " + Experiment.output("13-async-work-outcomes.svg"));
    }

    private void latency() throws Exception {
        Schema.reset(db.dataSource());
        List<Downstream> servers = List.of(Downstream.start("mailer"), Downstream.start("audit"), Downstream.start("chat"));
        int[] latencies = {250, 100, 150};
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Toxi.Proxied proxy = toxi.localPort(servers.get(i).name(), servers.get(i).port());
            proxy.toxics().latency("slow", ToxicDirection.DOWNSTREAM, latencies[i]);
            addresses.add(proxy.address());
        }
        try {
            Downstreams downstreams = new Downstreams(addresses.get(0), addresses.get(1), addresses.get(2));
            SignupHandler api = new SignupHandler(new SignupSetup(db.dataSource(), downstreams,
                    new StreamQueue(Lab.connect(redis), QueueSettings.named("latency")), 1_000, Duration.ofSeconds(1)));
            long[] inline = new long[5], queued = new long[5];
            for (int i = 0; i < 5; i++) {
                long start = System.nanoTime();
                downstreams.callAll(i);
                inline[i] = System.nanoTime() - start;
                start = System.nanoTime();
                api.signup("latency" + i + "@example.com");
                queued[i] = System.nanoTime() - start;
            }
            double inlineMs = Task1AcceptedTest.median(inline) / 1e6, queuedMs = Task1AcceptedTest.median(queued) / 1e6;
            Csv csv = new Csv("signup", "median_ms");
            csv.row("inline calls", inlineMs).row("202 + queue", queuedMs);
            csv.write(Experiment.output("13-async-work-latency.csv"));
            System.out.printf("median signup: inline %.0f ms, 202 + queue %.1f ms (%.0fx)%n", inlineMs, queuedMs, inlineMs / queuedMs);
        } finally {
            servers.forEach(Downstream::close);
            toxi.heal();
        }
    }

    /** LPUSH/RPOP, publish after the commit, a consumer that just writes the email. */
    private Outcome naivePipeline(double rate) throws Exception {
        Schema.reset(db.dataSource());
        redis.flush();
        Random random = new Random(13);
        RedisCommands<String, String> list = Lab.connect(redis).sync();
        for (int i = 0; i < USERS; i++) {
            long user = insertUser(i);
            if (random.nextDouble() >= rate) {   // else Redis was unreachable right after the commit
                list.lpush("naive", Long.toString(user));
            }
        }
        for (String taken = list.rpop("naive"); taken != null; taken = list.rpop("naive")) {
            if (random.nextDouble() < rate) {
                continue;   // the worker died after RPOP: the job went with it
            }
            long user = Long.parseLong(taken);
            try (Connection c = db.dataSource().getConnection()) {
                Tables.insertWelcomeEmail(c, new Job(user, "welcome", user));
            }
        }
        return outcome(db.dataSource());
    }

    /** A stream with acks; publish after the commit or through the outbox; a plain or an idempotent consumer. */
    private Outcome streamPipeline(double rate, boolean outboxAndIdempotent) throws Exception {
        Schema.reset(db.dataSource());
        redis.flush();
        Random random = new Random(13);
        StatefulRedisConnection<String, String> connection = Lab.connect(redis);
        QueueSettings settings = QueueSettings.named("welcome").withMinIdle(Duration.ZERO).withMaxDeliveries(1_000);
        StreamQueue queue = new StreamQueue(connection, settings);
        CrashPoints faults = new CrashPoints() {
            @Override
            public void afterPublish(long outboxId) {
                if (random.nextDouble() < rate) {
                    throw new SimulatedCrash("relay after publishing " + outboxId);
                }
            }

            @Override
            public void afterSideEffect(Job job) {
                if (random.nextDouble() < rate) {
                    throw new SimulatedCrash("worker after the side effect of job " + job.id());
                }
            }
        };
        Outbox outbox = new Outbox(db.dataSource(), queue, faults);
        for (int i = 0; i < USERS; i++) {
            if (outboxAndIdempotent) {
                outbox.signup("user" + i + "@example.com");
            } else {
                long user = insertUser(i);
                if (random.nextDouble() >= rate) {
                    queue.enqueue(new Job(user, "welcome", user));
                }
            }
        }
        for (int round = 0; outboxAndIdempotent && round < 1_000; round++) {
            try {
                if (outbox.relay(5) == 0) {
                    break;
                }
            } catch (SimulatedCrash relayDied) {
                // restarted: the next round publishes the unmarked rows again
            }
        }
        WelcomeConsumer idempotent = new WelcomeConsumer(db.dataSource(), faults);
        int worker = 0;
        for (int turn = 0; turn < 10_000; turn++) {
            Optional<Delivery> next = queue.take("worker-" + worker);
            if (next.isEmpty()) {
                break;
            }
            if (random.nextDouble() < rate) {
                worker++;   // died after taking it; the job stays pending and the next worker claims it
                continue;
            }
            try {
                if (outboxAndIdempotent) {
                    idempotent.handle(next.get().job());
                } else {
                    plainHandle(next.get().job(), faults);
                }
                queue.ack(next.get());
            } catch (SimulatedCrash died) {
                worker++;   // died before its ack
            }
        }
        return outcome(db.dataSource());
    }

    private static void plainHandle(Job job, CrashPoints faults) throws Exception {
        try (Connection c = db.dataSource().getConnection()) {
            Tables.insertWelcomeEmail(c, job);   // committed at once
            faults.afterSideEffect(job);
        }
    }

    private static long insertUser(int i) throws Exception {
        try (Connection c = db.dataSource().getConnection()) {
            return Tables.insertUser(c, "user" + i + "@example.com");
        }
    }

    private static Outcome outcome(DataSource db) {
        List<Long> emailsPerUser = new org.springframework.jdbc.core.JdbcTemplate(db).queryForList("""
                SELECT count(e.id) FROM users u LEFT JOIN welcome_emails e ON e.user_id = u.id GROUP BY u.id""", Long.class);
        int lost = 0, once = 0, doubled = 0;
        for (long emails : emailsPerUser) {
            if (emails == 0) {
                lost++;
            } else if (emails == 1) {
                once++;
            } else {
                doubled++;
            }
        }
        return new Outcome(lost, once, doubled);
    }
}
