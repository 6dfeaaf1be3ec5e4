package workbook.pooling;

import javax.sql.DataSource;

/**
 * The pools an application uses: {@code writes} for the primary, {@code reads} for the replicas.
 * They may be the same pool. {@link #close()} closes each distinct pool once.
 */
public record EndpointPools(DataSource writes, DataSource reads) implements AutoCloseable {

    @Override
    public void close() {
        closeQuietly(writes);
        if (reads != writes) {
            closeQuietly(reads);
        }
    }

    private static void closeQuietly(DataSource pool) {
        if (pool instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                System.err.println("[lab 10] could not close a pool: " + e.getMessage());
            }
        }
    }
}
