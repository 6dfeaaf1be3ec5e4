package workbook.asyncwork;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.testing.Task;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * db-scheduler, a job runner that keeps its queue in PostgreSQL, against Task 2's contract: a job held
 * by a worker that died is done by another worker, once. db-scheduler's "worker holds the job" is a
 * row marked picked, kept alive by a heartbeat; a row whose heartbeat stopped long enough ago is
 * revived and run by a live scheduler.
 */
@Task(2)
class DbSchedulerContractTest {
    @RegisterExtension
    static final Postgres db = Postgres.freshDatabase();

    private final List<String> done = new CopyOnWriteArrayList<>();
    private Scheduler scheduler;   // the last one started; stopped after each test

    @BeforeEach
    void createTable() {
        // db-scheduler's documented table for PostgreSQL.
        db.jdbc().execute("DROP TABLE IF EXISTS scheduled_tasks");
        db.jdbc().execute("""
                CREATE TABLE scheduled_tasks (
                  task_name text NOT NULL, task_instance text NOT NULL, task_data bytea,
                  execution_time timestamptz NOT NULL, picked boolean NOT NULL, picked_by text,
                  last_success timestamptz, last_failure timestamptz, consecutive_failures int,
                  last_heartbeat timestamptz, version bigint NOT NULL, priority smallint,
                  PRIMARY KEY (task_name, task_instance))""");
    }

    @AfterEach
    void stop() {
        if (scheduler != null) {
            scheduler.stop();
        }
    }

    private Scheduler start() {
        OneTimeTask<Void> welcome = Tasks.oneTime("welcome").execute((instance, context) -> done.add(instance.getId()));
        scheduler = Scheduler.create(db.dataSource(), welcome)
                .pollingInterval(Duration.ofMillis(100))
                .heartbeatInterval(Duration.ofMillis(200))   // dead after 4 missed heartbeats: 800 ms
                .missedHeartbeatsLimit(4)
                .threads(2)
                .build();
        scheduler.start();
        return scheduler;
    }

    @Test
    void aJobPickedByAWorkerThatDiedIsRunOnceByAnother() {
        // The state a worker leaves when it dies holding a job: picked, and its last heartbeat an hour ago.
        db.jdbc().update("""
                INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, picked_by, last_heartbeat, version)
                VALUES ('welcome', 'user-42', now() - interval '1 hour', true, 'worker-that-died', now() - interval '1 hour', 1)""");
        start();
        await().atMost(Duration.ofSeconds(10)).until(() -> !done.isEmpty());
        await().atMost(Duration.ofSeconds(10)).until(() ->
                db.jdbc().queryForObject("SELECT count(*) FROM scheduled_tasks", Long.class) == 0);
        assertThat(done).as("runs of the job the dead worker held").containsExactly("user-42");
    }

    @Test
    void twentyJobsOnTwoSchedulersRunOnceEach() {
        for (int i = 1; i <= 20; i++) {
            db.jdbc().update("""
                    INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, version)
                    VALUES ('welcome', ?, now() - interval '1 second', false, 1)""", "user-" + i);
        }
        Scheduler first = start();
        Scheduler second = start();
        try {
            await().atMost(Duration.ofSeconds(15)).until(() -> done.size() >= 20
                    && db.jdbc().queryForObject("SELECT count(*) FROM scheduled_tasks", Long.class) == 0);
            assertThat(done).as("runs of 20 jobs shared by two schedulers").hasSize(20).doesNotHaveDuplicates();
        } finally {
            first.stop();
        }
    }
}
