package workbook.asyncwork;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.testing.Task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

@Task(3)
class Task3IdempotentConsumerTest {
    @RegisterExtension
    static final Postgres db = Postgres.freshDatabase();

    @BeforeEach
    void setUp() throws Exception {
        Schema.reset(db.dataSource());
    }

    private long emails(long jobId) {
        return Lab.count(db.dataSource(), "SELECT count(*) FROM welcome_emails WHERE job_id = " + jobId);
    }

    @Test
    void aJobDeliveredTwiceSendsOneEmail() throws Exception {
        WelcomeConsumer consumer = new WelcomeConsumer(db.dataSource(), CrashPoints.NONE);
        Job job = new Job(501, "welcome", 9);
        consumer.handle(job);
        consumer.handle(job);   // redelivered: the worker died before its ack, or the relay published it twice
        assertThat(emails(501)).as("welcome emails for job 501 delivered twice").isEqualTo(1);
    }

    @Test
    void aCrashBeforeTheCommitLeavesNothingAndTheRedeliverySendsTheEmail() throws Exception {
        CrashPoints crashOnce = new CrashPoints() {
            boolean crashed;

            @Override
            public void afterSideEffect(Job job) {
                if (!crashed) {
                    crashed = true;
                    throw new SimulatedCrash("after writing job " + job.id() + "'s email");
                }
            }
        };
        WelcomeConsumer consumer = new WelcomeConsumer(db.dataSource(), crashOnce);
        Job job = new Job(502, "welcome", 9);
        assertThat(catchThrowable(() -> consumer.handle(job))).as("the crash reached the caller").isInstanceOf(SimulatedCrash.class);
        assertThat(emails(502)).as("welcome emails after a crash between writing the email and committing: the email "
                + "and the record that the job was processed commit together, or not at all").isZero();
        consumer.handle(job);   // the redelivery
        assertThat(emails(502)).as("welcome emails once the redelivery was handled").isEqualTo(1);
        assertThat(Lab.count(db.dataSource(), "SELECT count(*) FROM processed_jobs")).as("rows in processed_jobs "
                + "(the job ids already handled)").isEqualTo(1);
    }

    @Test
    void twoJobsForOneUserSendTwoEmails() throws Exception {
        WelcomeConsumer consumer = new WelcomeConsumer(db.dataSource(), CrashPoints.NONE);
        consumer.handle(new Job(503, "welcome", 9));
        consumer.handle(new Job(503, "welcome", 9));
        consumer.handle(new Job(504, "welcome", 9));
        assertThat(Lab.count(db.dataSource(), "SELECT count(*) FROM welcome_emails WHERE user_id = 9"))
                .as("welcome emails for user 9 after jobs 503 (twice) and 504: one per job, the key is the job's id")
                .isEqualTo(2);
    }
}
