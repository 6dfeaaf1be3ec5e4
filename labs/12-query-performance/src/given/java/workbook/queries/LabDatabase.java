package workbook.queries;

import workbook.labkit.Postgres;

/**
 * The PostgreSQL every test class of this lab uses: one server for the whole lab, a fresh database per
 * class. Two settings differ from the lab kit's defaults:
 * <ul>
 *   <li>{@code pg_stat_statements} is loaded at start-up, so Task 6 can ask the server which statements
 *   cost the most (the extension can only be loaded when the server starts);</li>
 *   <li>parallel query is off, so every plan is one process reading the table: the rows a plan reports
 *   are all the rows read, and five labs sharing two cores do not fight over workers.</li>
 * </ul>
 */
public final class LabDatabase {
    private LabDatabase() {
    }

    public static Postgres fresh() {
        return Postgres.freshDatabase()
                .withSetting("shared_preload_libraries", "pg_stat_statements")
                .withSetting("max_parallel_workers_per_gather", "0");
    }
}
