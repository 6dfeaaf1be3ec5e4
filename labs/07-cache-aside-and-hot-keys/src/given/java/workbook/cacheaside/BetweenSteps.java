package workbook.cacheaside;

/**
 * Called by {@link CacheAside} between the steps of its two protocols, so that a test can run
 * another instance's code, or crash this one, at exactly that point: the interleavings that are
 * rare in production happen on every run. In production it does nothing.
 * <p>
 * Given code: you do not need to change it.
 */
public interface BetweenSteps {
    BetweenSteps NOTHING = new BetweenSteps() {
    };

    /** A reader missed, read the database, and has not written the cache yet. */
    default void afterDatabaseRead(long id) {
    }

    /** A writer saved the row, and has not invalidated the cache yet. */
    default void afterDatabaseWrite(long id) {
    }
}
