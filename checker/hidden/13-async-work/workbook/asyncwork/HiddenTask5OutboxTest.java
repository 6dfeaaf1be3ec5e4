package workbook.asyncwork;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.Redis;
import workbook.labkit.testing.Task;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Hidden cases for Task 5: two relays at once, the batch size, the order, the rows marked. */
@Task(5)
class HiddenTask5OutboxTest {
    @RegisterExtension
    static final Postgres db = Postgres.freshDatabase();
    @RegisterExtension
    static final Redis redis = Redis.isolated();

    static final QueueSettings SETTINGS = QueueSettings.named("welcome");

    @BeforeEach
    void setUp() throws Exception {
        Schema.reset(db.dataSource());
    }

    private Outbox outbox(CrashPoints crashes) {
        return new Outbox(db.dataSource(), new StreamQueue(Lab.connect(redis), SETTINGS), crashes);
    }

    @Test
    void relayPublishesAtMostItsBatchOldestFirstAndMarksEachRowSent() {
        Outbox outbox = outbox(CrashPoints.NONE);
        for (int i = 1; i <= 5; i++) {
            outbox.signup("user" + i + "@example.com");
        }
        assertThat(Lab.count(db.dataSource(), "SELECT count(*) FROM outbox WHERE sent_at IS NULL")).as("outbox rows waiting after 5 signups").isEqualTo(5);
        assertThat(outbox.relay(2)).as("first relay(2)").isEqualTo(2);
        assertThat(outbox.relay(2)).as("second relay(2)").isEqualTo(2);
        assertThat(outbox.relay(2)).as("third relay(2)").isEqualTo(1);
        assertThat(outbox.relay(2)).as("fourth relay(2)").isZero();
        List<Job> jobs = Lab.drain(new StreamQueue(Lab.connect(redis), SETTINGS), "auditor", 100);
        assertThat(jobs).extracting(Job::userId).as("users of the published jobs, in order").containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(jobs).extracting(Job::id).as("ids of the published jobs: one per outbox row").doesNotHaveDuplicates();
        assertThat(Lab.count(db.dataSource(), "SELECT count(*) FROM outbox WHERE sent_at IS NOT NULL")).as("rows marked sent").isEqualTo(5);
    }

    @Test
    void aSecondRelaySkipsTheRowsTheFirstHoldsInsteadOfWaiting() throws Exception {
        Outbox api = outbox(CrashPoints.NONE);
        for (int i = 1; i <= 4; i++) {
            api.signup("user" + i + "@example.com");
        }
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CrashPoints holdAfterPublish = new CrashPoints() {
            @Override
            public void afterPublish(long outboxId) {
                holding.countDown();
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        Outbox slowRelay = outbox(holdAfterPublish);
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> slowRelay.relay(1));
        try {
            assertThat(holding.await(5, TimeUnit.SECONDS)).as("the first relay published its row").isTrue();
            CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> outbox(CrashPoints.NONE).relay(10));
            Integer published = second.completeOnTimeout(-1, 3, TimeUnit.SECONDS).get();
            assertThat(published).as("rows a second relay published while the first held 1 of 4 rows (-1: it waited "
                    + "for the first relay's lock)").isEqualTo(3);
        } finally {
            release.countDown();
        }
        assertThat(first.get(5, TimeUnit.SECONDS)).as("rows the first relay published").isEqualTo(1);
        assertThat(Lab.drain(new StreamQueue(Lab.connect(redis), SETTINGS), "auditor", 100)).as("jobs published in all").hasSize(4);
    }

    @Test
    void signupCallsItsHookOnceTheUserAndItsOutboxRowAreCommitted() {
        long[] seen = {0, -1, -1};
        CrashPoints look = new CrashPoints() {
            @Override
            public void afterUserCommit(long userId) {
                seen[0] = userId;   // what another connection sees at this moment
                seen[1] = Lab.count(db.dataSource(), "SELECT count(*) FROM users WHERE id = " + userId);
                seen[2] = Lab.count(db.dataSource(), "SELECT count(*) FROM outbox WHERE sent_at IS NULL AND kind = 'welcome' AND user_id = " + userId);
            }
        };
        long user = outbox(look).signup("ada@example.com");
        assertThat(seen[0]).as("user id passed to afterUserCommit (the signup returned %d)", user).isEqualTo(user);
        assertThat(seen[1]).as("the user, seen from another connection when afterUserCommit runs").isEqualTo(1);
        assertThat(seen[2]).as("its unsent welcome row in the outbox, seen from another connection then").isEqualTo(1);
    }
}
