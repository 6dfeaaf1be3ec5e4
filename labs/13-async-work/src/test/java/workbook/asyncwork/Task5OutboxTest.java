package workbook.asyncwork;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.Redis;
import workbook.labkit.Toxi;
import workbook.labkit.testing.Task;

import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

@Task(5)
class Task5OutboxTest {
    @RegisterExtension
    static final Postgres db = Postgres.freshDatabase();
    @RegisterExtension
    static final Redis redis = Redis.isolated();
    @RegisterExtension
    static final Toxi toxi = Toxi.create();

    static final QueueSettings SETTINGS = QueueSettings.named("welcome");

    @BeforeEach
    void setUp() throws Exception {
        Schema.reset(db.dataSource());
    }

    /** The relay, a process of its own with its own (healthy) connection to Redis. */
    private Outbox relay(CrashPoints crashes) {
        return new Outbox(db.dataSource(), new StreamQueue(Lab.connect(redis), SETTINGS), crashes);
    }

    /** Every job published so far, read by a consumer of its own. */
    private List<Job> published() {
        return Lab.drain(new StreamQueue(Lab.connect(redis), SETTINGS), "auditor", 1_000);
    }

    @Test
    void redisCutBetweenTheCommitAndThePublishLosesNoJob() {
        Toxi.Proxied toRedis = toxi.redis(redis);
        CrashPoints cutRedis = new CrashPoints() {
            @Override
            public void afterUserCommit(long userId) {
                toRedis.disable();
            }
        };
        Outbox api = new Outbox(db.dataSource(), new StreamQueue(Lab.connectThrough(redis, toRedis), SETTINGS), cutRedis);
        catchThrowable(() -> api.signup("ada@example.com"));
        assertThat(Lab.count(db.dataSource(), "SELECT count(*) FROM users")).as("users after the signup").isEqualTo(1);

        relay(CrashPoints.NONE).relay(10);
        List<Job> jobs = published();
        assertThat(jobs).as("welcome jobs published for the 1 user who signed up while Redis was cut off between the "
                + "commit and the publish: 0 means the job is lost forever. Write it to the outbox table in the "
                + "user's transaction, and let relay() publish it").hasSize(1);
        assertThat(jobs.get(0).kind()).as("kind of the published job").isEqualTo("welcome");
        assertThat(relay(CrashPoints.NONE).relay(10)).as("jobs a second relay publishes once the first has marked its rows sent").isZero();
    }

    @Test
    void aRelayCrashBetweenPublishAndMarkPublishesTheJobAgain() {
        Outbox api = relay(CrashPoints.NONE);
        long user = api.signup("grace@example.com");
        CrashPoints crashAfterPublish = new CrashPoints() {
            @Override
            public void afterPublish(long outboxId) {
                throw new SimulatedCrash("after publishing outbox row " + outboxId);
            }
        };
        assertThat(catchThrowable(() -> relay(crashAfterPublish).relay(10))).as("what relay() threw when the hook between publishing an outbox row and marking it sent crashed "
                + "(nothing means it published no row)").isInstanceOf(SimulatedCrash.class);
        assertThat(relay(CrashPoints.NONE).relay(10)).as("jobs the next relay publishes: the crashed relay never marked "
                + "its row sent, so it is published again (at least once, never zero times)").isEqualTo(1);
        List<Job> jobs = published();
        assertThat(jobs).as("welcome jobs published for user %d: the crashed relay's and the next one's", user).hasSize(2);
        assertThat(jobs.get(0)).as("the two copies carry the same job id, which is what lets a consumer spot the "
                + "duplicate").isEqualTo(jobs.get(1));
    }

    @Test
    void noJobIsLostOverASeededRunWithFaultsAtRandomPoints() {
        Random random = new Random(2026);
        CrashPoints faults = new CrashPoints() {
            @Override
            public void afterUserCommit(long userId) {
                if (random.nextInt(3) == 0) {
                    throw new SimulatedCrash("after committing user " + userId);
                }
            }

            @Override
            public void afterPublish(long outboxId) {
                if (random.nextInt(4) == 0) {
                    throw new SimulatedCrash("after publishing outbox row " + outboxId);
                }
            }
        };
        Outbox outbox = relay(faults);
        for (int i = 1; i <= 20; i++) {
            int n = i;
            catchThrowable(() -> outbox.signup("user" + n + "@example.com"));
        }
        for (int round = 0; round < 100; round++) {
            try {
                if (outbox.relay(5) == 0) {
                    break;
                }
            } catch (SimulatedCrash relayDied) {
                // the next round is the relay after its restart
            }
        }
        Set<Long> withAJob = published().stream().map(Job::userId).collect(Collectors.toCollection(TreeSet::new));
        Set<Long> users = new TreeSet<>(db.jdbc().queryForList("SELECT id FROM users", Long.class));
        users.removeAll(withAJob);
        assertThat(users).as("%d users of 20 without a published welcome job after faults at random points (seed 2026); "
                + "first: %s", users.size(), users.stream().limit(5).toList()).isEmpty();
    }
}
