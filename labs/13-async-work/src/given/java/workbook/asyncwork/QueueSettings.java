package workbook.asyncwork;

import java.time.Duration;

/**
 * Names and limits of one queue.
 *
 * @param stream        the Redis key of the queue (a stream; the starter uses it as a list)
 * @param group         the consumer group the workers share
 * @param deadLetters   the Redis key of the dead-letter stream
 * @param maxDeliveries how many deliveries a job gets before it goes to the dead-letter stream
 * @param minIdle       how long a delivered job stays unacknowledged before another worker may claim it
 */
public record QueueSettings(String stream, String group, String deadLetters, int maxDeliveries, Duration minIdle) {

    public static QueueSettings named(String stream) {
        return new QueueSettings(stream, "workers", stream + ":dead", 3, Duration.ofSeconds(30));
    }

    public QueueSettings withMinIdle(Duration idle) {
        return new QueueSettings(stream, group, deadLetters, maxDeliveries, idle);
    }

    public QueueSettings withMaxDeliveries(int max) {
        return new QueueSettings(stream, group, deadLetters, max, minIdle);
    }
}
