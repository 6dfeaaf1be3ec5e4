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
import static org.assertj.core.api.Assertions.catchThrowable;

/** Hidden cases for Task 1: job ids that differ from user ids, the enqueued job, a failed signup. */
@Task(1)
class HiddenTask1AcceptedTest {
    @RegisterExtension
    static final Postgres db = Postgres.freshDatabase();
    @RegisterExtension
    static final Redis redis = Redis.isolated();

    static Services services;
    private SignupHandler api;
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
        // Users and jobs must not share ids by accident: start the users further on.
        db.jdbc().execute("SELECT setval('users_id_seq', 700)");
        Downstreams downstreams = services.direct();
        queue = new StreamQueue(Lab.connect(redis), QueueSettings.named("signups"));
        api = new SignupHandler(new SignupSetup(db.dataSource(), downstreams, queue, 100, Duration.ofSeconds(1)));
    }

    @Test
    void theLocationNamesTheJobAndTheQueueCarriesItWithItsUser() {
        Reply first = api.signup("ada@example.com");
        Reply second = api.signup("bob@example.com");
        assertThat(first.header("Location")).as("Location of the first signup (job 1, user 701)").contains("/jobs/1");
        assertThat(second.header("Location")).as("Location of the second signup (job 2, user 702)").contains("/jobs/2");
        assertThat(second.body()).as("body of the 202").contains("\"job\":2").contains("\"status\":\"queued\"");
        assertThat(db.jdbc().queryForList("SELECT user_id FROM jobs ORDER BY id", Long.class))
                .as("user of each stored job").containsExactly(701L, 702L);
        assertThat(Lab.drain(queue, "checker", 10)).as("jobs in the queue")
                .containsExactly(new Job(1, "signup", 701), new Job(2, "signup", 702));
        assertThat(api.job(2).body()).as("GET /jobs/2").contains("\"job\":2").contains("\"status\":\"queued\"");
        assertThat(api.job(701).status()).as("GET /jobs/701 (a user id, not a job id)").isEqualTo(404);
        assertThat(api.job(701).body()).as("body of a 404").contains("701");
    }

    @Test
    void aSignupThatFailsLeavesNoJobBehind() {
        api.signup("ada@example.com");
        assertThat(catchThrowable(() -> api.signup("ada@example.com"))).as("a second signup with the same email fails").isNotNull();
        assertThat(Lab.count(db.dataSource(), "SELECT count(*) FROM jobs")).as("jobs after one good and one failed signup").isEqualTo(1);
        assertThat(Lab.drain(queue, "checker", 10)).as("jobs in the queue").hasSize(1);
    }
}
