package workbook.asyncwork;

import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

import java.util.Optional;

/**
 * The job queue, in Redis.
 * <p>
 * Task 2: a durable queue on a Redis stream with a consumer group: {@code XADD} to enqueue,
 * {@code XREADGROUP} to take, {@code XACK} only after the work succeeded, and {@code XAUTOCLAIM} so
 * that a job whose worker went silent for {@code minIdle} is handed to another worker.
 * Task 4: a job that has failed {@code maxDeliveries} times goes to the dead-letter stream, with its
 * error, instead of being tried forever.
 * <p>
 * STARTER: the list queue of many tutorials: {@code LPUSH} to enqueue and {@code RPOP} to take (a real
 * worker would use {@code BRPOP}, which blocks). The job leaves Redis the moment a worker takes it,
 * so a worker that dies with it loses it; a failed job is pushed back and tried forever.
 */
public class StreamQueue implements JobQueue {
    private final RedisCommands<String, String> redis;
    private final String list;   // the starter keeps its jobs in a plain list, under the stream's key

    public StreamQueue(StatefulRedisConnection<String, String> connection, QueueSettings settings) {
        this.redis = connection.sync();
        this.list = settings.stream();
    }

    @Override
    public void enqueue(Job job) {
        redis.lpush(list, job.id() + "," + job.kind() + "," + job.userId());
    }

    @Override
    public Optional<Delivery> take(String consumer) {
        String message = redis.rpop(list);   // gone from Redis from now on
        if (message == null) {
            return Optional.empty();
        }
        String[] parts = message.split(",");
        return Optional.of(new Delivery(message, new Job(Long.parseLong(parts[0]), parts[1], Long.parseLong(parts[2])), 1));
    }

    @Override
    public void ack(Delivery delivery) {
        // nothing to do: the job left the list when it was taken
    }

    @Override
    public void fail(Delivery delivery, Exception error) {
        redis.lpush(list, delivery.messageId());   // try again, however often it fails
    }
}
