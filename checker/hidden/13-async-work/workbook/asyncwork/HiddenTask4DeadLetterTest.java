package workbook.asyncwork;

import io.lettuce.core.StreamMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Redis;
import workbook.labkit.testing.Task;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Hidden cases for Task 4: deliveries counted across workers, other limits, a job that recovers. */
@Task(4)
class HiddenTask4DeadLetterTest {
    @RegisterExtension
    static final Redis redis = Redis.isolated();

    private StreamQueue queue(int maxDeliveries) {
        return new StreamQueue(Lab.connect(redis),
                QueueSettings.named("jobs").withMinIdle(Duration.ZERO).withMaxDeliveries(maxDeliveries));
    }

    @Test
    void deliveriesAreCountedAcrossWorkersOnDifferentProcesses() {
        StreamQueue a = queue(3), b = queue(3);
        a.enqueue(new Job(7, "welcome", 70));
        int attempts = 0;
        for (int turn = 0; turn < 12; turn++) {
            StreamQueue mine = turn % 2 == 0 ? a : b;   // the job goes back and forth between two processes
            var delivery = mine.take("worker-" + (turn % 2));
            if (delivery.isEmpty()) {
                break;
            }
            attempts++;
            mine.fail(delivery.get(), new IllegalArgumentException("bad address"));
        }
        assertThat(attempts).as("attempts at a poison job taken in turn by two worker processes, maxDeliveries 3")
                .isEqualTo(3);
        List<StreamMessage<String, String>> dead = Lab.entries(redis, "jobs:dead");
        assertThat(dead).as("dead letters").hasSize(1);
        assertThat(dead.get(0).getBody()).as("the dead letter").containsEntry("deliveries", "3").containsEntry("kind", "welcome");
        assertThat(dead.get(0).getBody().get("message")).as("the dead letter's original message id")
                .isEqualTo(Lab.entries(redis, "jobs").get(0).getId());
        assertThat(dead.get(0).getBody().get("error")).as("the dead letter's error").contains("IllegalArgumentException").contains("bad address");
    }

    @Test
    void aLimitOfOneDeadLettersAtTheFirstFailureAndFiveAtTheFifth() {
        StreamQueue once = queue(1);
        once.enqueue(new Job(1, "welcome", 10));
        once.fail(once.take("w").orElseThrow(), new IllegalStateException("no"));
        assertThat(once.take("w")).as("take after the only job failed once with maxDeliveries 1").isEmpty();
        assertThat(Lab.entries(redis, "jobs:dead")).as("dead letters with maxDeliveries 1").hasSize(1);

        redis.flush();
        StreamQueue five = queue(5);
        five.enqueue(new Job(2, "welcome", 20));
        int attempts = 0;
        for (var d = five.take("w"); d.isPresent() && attempts < 20; d = five.take("w")) {
            attempts++;
            five.fail(d.get(), new IllegalStateException("no"));
        }
        assertThat(attempts).as("attempts with maxDeliveries 5").isEqualTo(5);
    }

    @Test
    void aJobThatFailsTwiceThenSucceedsIsNotDeadLettered() {
        StreamQueue queue = queue(3);
        queue.enqueue(new Job(4, "welcome", 40));
        int[] attempts = {0};
        Worker worker = new Worker("w", queue, job -> {
            if (++attempts[0] < 3) {
                throw new IllegalStateException("mailer busy");
            }
        }, CrashPoints.NONE);
        worker.drain(10);
        assertThat(attempts[0]).as("attempts at a job that succeeds the third time").isEqualTo(3);
        assertThat(redis.commands().exists("jobs:dead")).as("dead-letter stream after that job").isZero();
        assertThat(redis.commands().xpending("jobs", "workers").getCount()).as("pending").isZero();
    }
}
