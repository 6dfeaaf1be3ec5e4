package workbook.asyncwork;

import io.lettuce.core.Range;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Redis;
import workbook.labkit.testing.Task;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Hidden cases for Task 2: a live worker's job, the idle time, jobs enqueued before the group, several queues. */
@Task(2)
class HiddenTask2DurableQueueTest {
    @RegisterExtension
    static final Redis redis = Redis.isolated();

    private StreamQueue queue(QueueSettings settings) {
        return new StreamQueue(Lab.connect(redis), settings);
    }

    @Test
    void aJobHeldByALiveWorkerIsNotTakenBeforeItsIdleTime() {
        QueueSettings settings = QueueSettings.named("jobs").withMinIdle(Duration.ofMinutes(10));
        StreamQueue first = queue(settings), second = queue(settings);
        first.enqueue(new Job(1, "welcome", 10));
        first.enqueue(new Job(2, "welcome", 20));
        Delivery held = first.take("worker-1").orElseThrow();
        Delivery other = second.take("worker-2").orElseThrow();
        assertThat(other.job()).as("what worker-2 takes while worker-1 works on job 1 (idle time 10 min)").isEqualTo(new Job(2, "welcome", 20));
        assertThat(second.take("worker-2")).as("what worker-2 takes next: job 1 is worker-1's for 10 minutes").isEmpty();
        first.ack(held);
        second.ack(other);
        assertThat(redis.commands().xpending("jobs", "workers").getCount()).as("pending after both acks").isZero();
    }

    @Test
    void aSilentWorkersJobIsClaimedOnceItHasBeenIdleLongEnough() {
        QueueSettings settings = QueueSettings.named("jobs").withMinIdle(Duration.ofMillis(300));
        StreamQueue first = queue(settings), second = queue(settings);
        first.enqueue(new Job(5, "welcome", 50));
        Delivery silent = first.take("worker-1").orElseThrow();
        assertThat(second.take("worker-2")).as("take right after worker-1 took the only job").isEmpty();
        Delivery[] claimed = new Delivery[1];
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> (claimed[0] = second.take("worker-2").orElse(null)) != null);
        assertThat(claimed[0].job()).as("the job claimed after 300 ms of silence").isEqualTo(new Job(5, "welcome", 50));
        assertThat(claimed[0].messageId()).as("its message id").isEqualTo(silent.messageId());
        assertThat(claimed[0].deliveries()).as("its deliveries, read from the pending list").isEqualTo(2);
    }

    @Test
    void jobsEnqueuedBeforeAnyWorkerStartedAreDelivered() {
        redis.commands().xadd("jobs", Map.of("job", "9", "kind", "welcome", "user", "90"));
        StreamQueue late = queue(QueueSettings.named("jobs").withMinIdle(Duration.ZERO));
        assertThat(late.take("worker-1").map(Delivery::job)).as("a job added before the consumer group existed")
                .contains(new Job(9, "welcome", 90));
        StreamQueue another = queue(QueueSettings.named("jobs").withMinIdle(Duration.ZERO));
        assertThat(redis.commands().xinfoGroups("jobs")).as("consumer groups on 'jobs' after two queues opened it").hasSize(1);
        assertThat(another.take("worker-2")).as("the job is pending for worker-1; with idle time 0 worker-2 may claim it").isPresent();
    }

    @Test
    void aFailedJobIsDeliveredAgainAndTheMessageStaysInTheStream() {
        StreamQueue queue = queue(QueueSettings.named("jobs").withMinIdle(Duration.ZERO).withMaxDeliveries(3));
        queue.enqueue(new Job(3, "welcome", 30));
        Delivery first = queue.take("worker-1").orElseThrow();
        queue.fail(first, new IllegalStateException("mailer down"));
        Delivery again = queue.take("worker-1").orElseThrow();
        assertThat(again.job()).as("the job after one failure").isEqualTo(new Job(3, "welcome", 30));
        assertThat(again.deliveries()).as("its deliveries").isEqualTo(2);
        queue.ack(again);
        assertThat(redis.commands().xrange("jobs", Range.create("-", "+"))).as("entries in the stream").hasSize(1);
        assertThat(redis.commands().exists("jobs:dead")).as("dead-letter stream after a job that failed once").isZero();
    }
}
