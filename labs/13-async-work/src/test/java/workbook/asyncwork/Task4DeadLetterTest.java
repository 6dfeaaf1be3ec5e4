package workbook.asyncwork;

import io.lettuce.core.StreamMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Redis;
import workbook.labkit.testing.Task;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@Task(4)
class Task4DeadLetterTest {
    @RegisterExtension
    static final Redis redis = Redis.isolated();

    @Test
    void aPoisonJobGoesToTheDeadLetterStreamAfterThreeDeliveriesAndTheOthersGetDone() {
        QueueSettings settings = QueueSettings.named("jobs").withMinIdle(Duration.ZERO).withMaxDeliveries(3);
        StreamQueue queue = new StreamQueue(Lab.connect(redis), settings);
        queue.enqueue(new Job(1, "welcome", 66));
        for (long id = 2; id <= 21; id++) {
            queue.enqueue(new Job(id, "welcome", 100 + id));
        }
        List<Long> goodDone = new ArrayList<>();
        int[] poisonAttempts = {0};
        Worker worker = new Worker("worker-1", queue, job -> {
            if (job.id() == 1) {
                poisonAttempts[0]++;
                throw new IllegalStateException("mailer refused the address of user 66");
            }
            goodDone.add(job.id());
        }, CrashPoints.NONE);

        int turns = worker.drain(60);

        assertThat(poisonAttempts[0]).as("attempts at poison job 1 with maxDeliveries 3 (more means it is tried "
                + "forever, eating the workers' time)").isEqualTo(3);
        assertThat(goodDone).as("the 20 other jobs, all done").hasSize(20).doesNotHaveDuplicates();
        assertThat(turns).as("jobs the worker handled until the queue was empty: 20 good + 3 attempts at the poison")
                .isEqualTo(23);
        List<StreamMessage<String, String>> dead = Lab.entries(redis, "jobs:dead");
        assertThat(dead).as("entries in the dead-letter stream jobs:dead").hasSize(1);
        assertThat(dead.get(0).getBody()).as("the dead letter: the job's fields, how often it was delivered, and why it failed")
                .containsEntry("job", "1").containsEntry("user", "66").containsEntry("deliveries", "3");
        assertThat(dead.get(0).getBody().get("error")).as("the dead letter's error").contains("mailer refused the address of user 66");
        assertThat(redis.commands().xpending("jobs", "workers").getCount()).as("jobs still pending in the work stream").isZero();
    }
}
