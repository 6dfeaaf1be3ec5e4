package workbook.scaling;

import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An instance with an I/O-bound endpoint: {@code GET /work} calls a downstream service and waits for
 * it, like an API that waits on its database. The instance has {@code workers} threads, its whole
 * capacity: each request holds one of them for as long as the downstream takes. The server and the
 * endpoint are given in {@link WorkerAppBase}; start one with {@code WorkerApp.start(name, workers, downstream)}.
 */
public final class WorkerApp extends WorkerAppBase {
    WorkerApp(String name, int workers, URI downstream) {
        super(name, workers, downstream);
    }

    /** Task 4: the threads this instance serves its requests on, {@code workers} of them. */
    @Override
    protected ExecutorService workerPool(String name, int workers) {
        // A fixed pool: the instance serves exactly `workers` requests at once and queues the rest.
        // Without an executor, the JDK server runs every handler on its single dispatcher thread.
        return Executors.newFixedThreadPool(workers);
    }
}
