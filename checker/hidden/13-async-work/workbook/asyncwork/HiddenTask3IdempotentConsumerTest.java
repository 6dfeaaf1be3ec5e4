package workbook.asyncwork;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.testing.Task;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Hidden cases for Task 3: two workers holding the same job at once. */
@Task(3)
class HiddenTask3IdempotentConsumerTest {
    @RegisterExtension
    static final Postgres db = Postgres.freshDatabase();

    @BeforeEach
    void setUp() throws Exception {
        Schema.reset(db.dataSource());
    }

    @Test
    void twoWorkersWithTheSameJobAtOnceSendOneEmail() throws Exception {
        CountDownLatch firstHolding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CrashPoints holdFirst = new CrashPoints() {
            @Override
            public void afterSideEffect(Job job) {
                if (firstHolding.getCount() > 0) {
                    firstHolding.countDown();
                    try {
                        release.await(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
        WelcomeConsumer consumer = new WelcomeConsumer(db.dataSource(), holdFirst);
        Job job = new Job(601, "welcome", 6);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> handle(consumer, job));
        assertThat(firstHolding.await(5, TimeUnit.SECONDS)).as("the first worker reached the step after its side effect").isTrue();
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> handle(consumer, job));
        try {
            second.get(300, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException stillWaiting) {
            // expected with a unique record of the job id: the second waits for the first to commit
        }
        release.countDown();
        first.get(5, TimeUnit.SECONDS);
        second.get(5, TimeUnit.SECONDS);
        assertThat(Lab.count(db.dataSource(), "SELECT count(*) FROM welcome_emails WHERE job_id = 601"))
                .as("welcome emails when two workers handle job 601 at the same time").isEqualTo(1);
    }

    private static void handle(WelcomeConsumer consumer, Job job) {
        try {
            consumer.handle(job);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
