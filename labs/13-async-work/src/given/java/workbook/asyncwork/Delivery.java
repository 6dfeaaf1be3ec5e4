package workbook.asyncwork;

/**
 * A job handed to one worker: the queue's id for the message (a stream entry id such as
 * {@code 1700000000000-0}, or whatever a list queue uses), the job, and how many times the queue has
 * handed this message out so far (1 the first time).
 */
public record Delivery(String messageId, Job job, long deliveries) {
}
