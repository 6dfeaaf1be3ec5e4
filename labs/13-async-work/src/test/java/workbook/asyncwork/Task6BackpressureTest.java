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

@Task(6)
class Task6BackpressureTest {
    @RegisterExtension
    static final Postgres db = Postgres.freshDatabase();
    @RegisterExtension
    static final Redis redis = Redis.isolated();

    static Services services;
    private SignupHandler api;
    private Worker worker;

    @BeforeAll
    static void startDownstreams() {
        services = new Services();
    }

    @AfterAll
    static void stopDownstreams() {
        services.close();
    }

    @BeforeEach
    void setUp() throws Exception {
        Schema.reset(db.dataSource());
        Downstreams downstreams = services.direct();
        JobQueue queue = new StreamQueue(Lab.connect(redis), QueueSettings.named("signups"));
        api = new SignupHandler(new SignupSetup(db.dataSource(), downstreams, queue, 3, Duration.ofSeconds(2)));
        worker = new Worker("worker-1", queue, new SignupJobs(db.dataSource(), downstreams), CrashPoints.NONE);
    }

    @Test
    void pastTheBacklogLimitASignupGets503WithRetryAfterAndNothingIsStored() {
        for (int i = 1; i <= 3; i++) {
            assertThat(api.signup("early" + i + "@example.com").status()).as("status of signup %d of 3 with a limit of "
                    + "3 queued jobs", i).isNotEqualTo(503);
        }
        Reply refused = api.signup("late@example.com");
        assertThat(refused.status()).as("status of a 4th signup while 3 jobs wait and the limit is 3: 503, instead of "
                + "accepting work the workers cannot finish").isEqualTo(503);
        assertThat(refused.header("Retry-After")).as("Retry-After of the 503 (seconds, from SignupSetup.retryAfter)").contains("2");
        assertThat(Lab.count(db.dataSource(), "SELECT count(*) FROM users WHERE email = 'late@example.com'"))
                .as("users stored for the refused signup").isZero();

        assertThat(worker.runOnce()).as("a worker found a job").isTrue();
        assertThat(api.signup("later@example.com").status()).as("status of a signup once a worker has finished one "
                + "of the 3 jobs").isEqualTo(202);
    }
}
