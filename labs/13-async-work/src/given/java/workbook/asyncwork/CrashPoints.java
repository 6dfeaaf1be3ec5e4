package workbook.asyncwork;

/**
 * Runs between the steps of the protocols of this lab. Tests make a step throw to play "the process
 * dies here" (or cut a connection with Toxiproxy); in production every method does nothing.
 */
public interface CrashPoints {
    CrashPoints NONE = new CrashPoints() {
    };

    /** A worker has taken this delivery and not yet done its work ({@link Worker}). */
    default void afterTake(String consumer, Delivery delivery) {
    }

    /** The consumer has written the side effect's record and not yet committed it (Task 3). */
    default void afterSideEffect(Job job) {
    }

    /** Signup has committed the user, before anything is published (Task 5). */
    default void afterUserCommit(long userId) {
    }

    /** The relay has published this outbox row and not yet marked it sent (Task 5). */
    default void afterPublish(long outboxId) {
    }
}
