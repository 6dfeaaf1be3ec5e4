package workbook.asyncwork;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Redis;
import workbook.labkit.testing.Task;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

@Task(2)
class Task2DurableQueueTest {
    @RegisterExtension
    static final Redis redis = Redis.isolated();

    /** No waiting in these tests: a job whose worker is gone may be claimed at once. */
    static final QueueSettings SETTINGS = QueueSettings.named("jobs").withMinIdle(Duration.ZERO);

    private StreamQueue queue() {
        return new StreamQueue(Lab.connect(redis), SETTINGS);
    }

    @Test
    void theJobIsAStreamEntryThatStaysPendingUntilItIsAcked() {
        StreamQueue queue = queue();
        queue.enqueue(new Job(41, "welcome", 7));
        assertThat(redis.commands().type("jobs")).as("Redis type of the queue's key 'jobs': a stream (XADD), so that "
                + "a consumer group can track who holds which job").isEqualTo("stream");
        Delivery delivery = queue.take("worker-1").orElseThrow(() -> new AssertionError("take() found no job after enqueue()"));
        assertThat(delivery.job()).as("the job taken").isEqualTo(new Job(41, "welcome", 7));
        assertThat(delivery.deliveries()).as("deliveries of a job taken for the first time").isEqualTo(1);
        assertThat(redis.commands().xpending("jobs", "workers").getCount()).as("jobs pending in group 'workers' while "
                + "worker-1 holds the job: XREADGROUP must leave it pending until XACK").isEqualTo(1);
        queue.ack(delivery);
        assertThat(redis.commands().xpending("jobs", "workers").getCount()).as("jobs pending after the ack").isZero();
        assertThat(queue.take("worker-1")).as("what take() returns once the only job is acked").isEmpty();
    }

    @Test
    void aJobWhoseWorkerDiedIsDoneByAnotherWorker() {
        List<Job> done = new ArrayList<>();
        CrashPoints dieAfterTaking = new CrashPoints() {
            @Override
            public void afterTake(String consumer, Delivery delivery) {
                throw new SimulatedCrash("after " + consumer + " took job " + delivery.job().id());
            }
        };
        Worker dying = new Worker("worker-1", queue(), done::add, dieAfterTaking);
        Worker survivor = new Worker("worker-2", queue(), done::add, CrashPoints.NONE);
        queue().enqueue(new Job(42, "welcome", 7));

        catchThrowable(dying::runOnce);
        assertThat(survivor.runOnce()).as("worker-2 found a job after worker-1 died holding job 42 (the starter's RPOP "
                + "took it out of Redis, so it died with worker-1)").isTrue();
        assertThat(done).as("jobs done").containsExactly(new Job(42, "welcome", 7));
        assertThat(survivor.runOnce()).as("worker-2 found another job after doing job 42").isFalse();
    }

    @Test
    void noJobIsLostOverASeededRunWithWorkerCrashes() {
        Random random = new Random(13);
        Map<Long, Integer> doneCount = new HashMap<>();
        CrashPoints sometimes = new CrashPoints() {
            @Override
            public void afterTake(String consumer, Delivery delivery) {
                if (random.nextInt(4) == 0) {
                    throw new SimulatedCrash("after " + consumer + " took job " + delivery.job().id());
                }
            }
        };
        StreamQueue producer = queue();
        for (long id = 1; id <= 30; id++) {
            producer.enqueue(new Job(id, "welcome", 100 + id));
        }
        int crashes = 0, workerNumber = 1;
        Worker worker = new Worker("worker-" + workerNumber, queue(), job -> doneCount.merge(job.id(), 1, Integer::sum), sometimes);
        for (int turn = 0; turn < 200; turn++) {
            try {
                if (!worker.runOnce()) {
                    break;
                }
            } catch (SimulatedCrash dead) {
                crashes++;   // a new worker takes the dead one's place
                worker = new Worker("worker-" + ++workerNumber, queue(), job -> doneCount.merge(job.id(), 1, Integer::sum), sometimes);
            }
        }
        Set<Long> lost = new TreeSet<>();
        for (long id = 1; id <= 30; id++) {
            if (!doneCount.containsKey(id)) {
                lost.add(id);
            }
        }
        assertThat(lost).as("jobs never done out of 30, with %d worker crashes between taking a job and doing it "
                + "(seed 13); first lost: %s", crashes, lost.stream().limit(5).toList()).isEmpty();
        assertThat(doneCount.values()).as("times each job was done").containsOnly(1);
        assertThat(redis.commands().xpending("jobs", "workers").getCount()).as("jobs still pending at the end").isZero();
    }
}
