package workbook.asyncwork;

import io.lettuce.core.Consumer;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.models.stream.PendingMessage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The job queue on a Redis stream with a consumer group. A message stays in the group's pending list
 * from the moment a worker reads it until that worker acknowledges it, so a worker that dies holding
 * a job leaves it there, and another worker claims it once it has been idle for {@code minIdle}.
 * A job that keeps failing is moved to a dead-letter stream after {@code maxDeliveries} deliveries.
 */
public class StreamQueue implements JobQueue {
    private final RedisCommands<String, String> redis;
    private final QueueSettings settings;

    public StreamQueue(StatefulRedisConnection<String, String> connection, QueueSettings settings) {
        this.redis = connection.sync();
        this.settings = settings;
        try {
            // From "0": the group sees every job, even those enqueued before it existed.
            redis.xgroupCreate(XReadArgs.StreamOffset.from(settings.stream(), "0"), settings.group(),
                    XGroupCreateArgs.Builder.mkstream());
        } catch (RedisBusyException alreadyThere) {
            // another worker created the group first: that is the group we share
        }
    }

    @Override
    public void enqueue(Job job) {
        redis.xadd(settings.stream(), job.fields());
    }

    @Override
    public Optional<Delivery> take(String consumer) {
        Consumer<String> me = Consumer.from(settings.group(), consumer);
        // First a job some worker took and then went silent on; then a job nobody has read yet.
        List<StreamMessage<String, String>> messages = redis.xautoclaim(settings.stream(),
                XAutoClaimArgs.Builder.xautoclaim(me, settings.minIdle(), "0-0").count(1)).getMessages();
        if (messages.isEmpty()) {
            messages = redis.xreadgroup(me, XReadArgs.Builder.count(1), XReadArgs.StreamOffset.lastConsumed(settings.stream()));
        }
        if (messages.isEmpty()) {
            return Optional.empty();
        }
        StreamMessage<String, String> message = messages.get(0);
        return Optional.of(new Delivery(message.getId(), Job.fromFields(message.getBody()), deliveries(message.getId())));
    }

    /** How many times the group has handed this message out, from its entry in the pending list. */
    private long deliveries(String messageId) {
        List<PendingMessage> pending = redis.xpending(settings.stream(), settings.group(),
                Range.create(messageId, messageId), Limit.from(1));
        return pending.get(0).getRedeliveryCount();
    }

    @Override
    public void ack(Delivery delivery) {
        redis.xack(settings.stream(), settings.group(), delivery.messageId());
    }

    @Override
    public void fail(Delivery delivery, Exception error) {
        if (delivery.deliveries() < settings.maxDeliveries()) {
            return;   // left pending: once idle for minIdle, take() hands it out again
        }
        Map<String, String> dead = new HashMap<>(delivery.job().fields());
        dead.put("error", String.valueOf(error));
        dead.put("deliveries", Long.toString(delivery.deliveries()));
        dead.put("message", delivery.messageId());
        // Dead-letter first, then ack: a crash in between leaves a copy in both, never in neither.
        redis.xadd(settings.deadLetters(), dead);
        redis.xack(settings.stream(), settings.group(), delivery.messageId());
    }
}
