package workbook.asyncwork;

import eu.rekawek.toxiproxy.model.ToxicDirection;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.Redis;
import workbook.labkit.Toxi;
import workbook.labkit.testing.Task;

import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

@Task(1)
class Task1AcceptedTest {
    @RegisterExtension
    static final Postgres db = Postgres.freshDatabase();
    @RegisterExtension
    static final Redis redis = Redis.isolated();
    @RegisterExtension
    static final Toxi toxi = Toxi.create();

    /** Half of source 001's 500 + 200 + 300 ms, so that the lab stays fast. */
    static final int EMAIL_MS = 250, AUDIT_MS = 100, CHAT_MS = 150;
    static Downstream email, audit, chat;
    static Toxi.Proxied toEmail, toAudit, toChat;
    private Downstreams downstreams;
    private StatefulRedisConnection<String, String> connection;
    private SignupHandler api;
    private Worker worker;

    @BeforeAll
    static void startDownstreams() {
        email = Downstream.start("mailer");
        audit = Downstream.start("audit log");
        chat = Downstream.start("chat");
        toEmail = toxi.localPort("mailer", email.port());
        toAudit = toxi.localPort("audit", audit.port());
        toChat = toxi.localPort("chat", chat.port());
    }

    @AfterAll
    static void stopDownstreams() {
        email.close();
        audit.close();
        chat.close();
    }

    @BeforeEach
    void setUp() throws Exception {
        Schema.reset(db.dataSource());
        toEmail.toxics().latency("slow", ToxicDirection.DOWNSTREAM, EMAIL_MS);
        toAudit.toxics().latency("slow", ToxicDirection.DOWNSTREAM, AUDIT_MS);
        toChat.toxics().latency("slow", ToxicDirection.DOWNSTREAM, CHAT_MS);
        downstreams = new Downstreams(toEmail.address(), toAudit.address(), toChat.address());
        connection = Lab.connect(redis);
        JobQueue queue = new StreamQueue(connection, QueueSettings.named("signups"));
        api = new SignupHandler(new SignupSetup(db.dataSource(), downstreams, queue, 1_000, Duration.ofSeconds(1)));
        worker = new Worker("worker-1", queue, new SignupJobs(db.dataSource(), downstreams), CrashPoints.NONE);
    }

    private int downstreamCalls() {
        return email.calls() + audit.calls() + chat.calls();
    }

    @Test
    void signupAnswers202WithTheJobToPollAndTheWorkerFinishesIt() {
        int[] before = {email.calls(), audit.calls(), chat.calls()};
        Reply reply = api.signup("ada@example.com");
        assertThat(reply.status()).as("status of POST /signup: 202 Accepted, the user is stored and the rest will happen "
                + "in the background (200 means the request did everything inline)").isEqualTo(202);
        assertThat(downstreamCalls() - before[0] - before[1] - before[2]).as("downstream calls made before the signup answered: the mailer, the "
                + "audit log and the chat are the workers' business").isZero();
        String location = reply.header("Location").orElse("(none)");
        assertThat(location).as("Location header of the 202: where the client polls its job").matches("/jobs/\\d+");
        long job = Long.parseLong(location.substring("/jobs/".length()));

        Reply queued = api.job(job);
        assertThat(queued.status()).as("status of GET %s before any worker ran", location).isEqualTo(200);
        assertThat(queued.body()).as("body of GET %s before any worker ran", location).contains("\"status\":\"queued\"");

        assertThat(worker.runOnce()).as("a worker found the signup's job in the queue").isTrue();
        assertThat(api.job(job).body()).as("body of GET %s after the worker ran", location).contains("\"status\":\"done\"");
        assertThat(new int[] {email.calls() - before[0], audit.calls() - before[1], chat.calls() - before[2]}).as("calls to the mailer, the audit log and "
                + "the chat once the worker has done the job: one each").containsExactly(1, 1, 1);
        assertThat(api.job(job + 1000).status()).as("status of GET /jobs/{id} for a job that does not exist").isEqualTo(404);
    }

    @Test
    void theMedianSignupIsAtLeastTwiceAsFastAsTheInlineCalls() {
        long[] signup = new long[7];
        for (int i = 0; i < signup.length; i++) {
            long start = System.nanoTime();
            Reply reply = api.signup("user" + i + "@example.com");
            signup[i] = System.nanoTime() - start;
            assertThat(reply.status()).as("status of signup %d (in %d ms): 202, with the slow calls left to the workers",
                    i + 1, signup[i] / 1_000_000).isEqualTo(202);
        }
        long[] inline = new long[3];
        for (int i = 0; i < inline.length; i++) {
            long start = System.nanoTime();
            downstreams.callAll(1);
            inline[i] = System.nanoTime() - start;
        }
        long inlineMedian = median(inline), signupMedian = median(signup);
        // A signup that waits for the calls comes out near 1x; one that does not is 50x or more on a quiet
        // machine. 2x leaves room for a busy one (and for PIT's instrumentation).
        assertThat((double) inlineMedian / signupMedian).as("median of the three downstream calls made inline (%d ms) "
                + "over the median signup (%d ms): the signup must not wait for them (source 001: 2 s -> 100 ms)",
                inlineMedian / 1_000_000, signupMedian / 1_000_000).isGreaterThanOrEqualTo(2.0);
    }

    static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
