package workbook.asyncwork;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.Redis;
import workbook.labkit.testing.Task;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Hidden cases for Task 6: other limits, a Retry-After that is not whole seconds, nothing queued when refused. */
@Task(6)
class HiddenTask6BackpressureTest {
    @RegisterExtension
    static final Postgres db = Postgres.freshDatabase();
    @RegisterExtension
    static final Redis redis = Redis.isolated();

    static Services services;
    private Downstreams downstreams;
    private StreamQueue queue;

    @BeforeAll
    static void start() {
        services = new Services();
    }

    @AfterAll
    static void stop() {
        services.close();
    }

    @BeforeEach
    void setUp() throws Exception {
        Schema.reset(db.dataSource());
        downstreams = services.direct();
        queue = new StreamQueue(Lab.connect(redis), QueueSettings.named("signups"));
    }

    private SignupHandler api(int maxQueued, Duration retryAfter) {
        return new SignupHandler(new SignupSetup(db.dataSource(), downstreams, queue, maxQueued, retryAfter));
    }

    @Test
    void aLimitOfOneAndARetryAfterOfOneAndAHalfSeconds() {
        SignupHandler api = api(1, Duration.ofMillis(1500));
        assertThat(api.signup("a@example.com").status()).as("first signup, limit 1").isEqualTo(202);
        Reply refused = api.signup("b@example.com");
        assertThat(refused.status()).as("second signup, limit 1").isEqualTo(503);
        assertThat(refused.header("Retry-After")).as("Retry-After for a wait of 1.5 s: whole seconds, never sooner than the wait").contains("2");
        assertThat(refused.header("Location")).as("Location of a refused signup").isEmpty();
        assertThat(Lab.count(db.dataSource(), "SELECT count(*) FROM jobs")).as("jobs stored").isEqualTo(1);
        assertThat(Lab.drain(queue, "checker", 10)).as("jobs in the queue").hasSize(1);
    }

    @Test
    void aLimitOfZeroRefusesEverythingAndDoneJobsDoNotCount() throws Exception {
        assertThat(api(0, Duration.ofSeconds(30)).signup("a@example.com").header("Retry-After"))
                .as("Retry-After with limit 0 and a wait of 30 s").contains("30");
        SignupHandler api = api(2, Duration.ofSeconds(1));
        api.signup("b@example.com");
        api.signup("c@example.com");
        db.jdbc().update("UPDATE jobs SET status = 'done'");
        assertThat(api.signup("d@example.com").status()).as("status of a signup when both earlier jobs are done, limit 2").isEqualTo(202);
        assertThat(api.signup("e@example.com").status()).as("status of the next signup (1 queued, limit 2)").isEqualTo(202);
        assertThat(api.signup("f@example.com").status()).as("status of the next (2 queued, limit 2)").isEqualTo(503);
    }
}
