package workbook.deploy;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** Continuous load: one user after another, as fast as the balancer answers, until stopped. */
final class Load implements AutoCloseable {
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private final Thread thread;

    private Load(Users users) {
        thread = new Thread(() -> {
            while (running.get()) {
                int n = sent.incrementAndGet();
                if (users.get("load-" + n, "/").failed()) {
                    failures.incrementAndGet();
                }
            }
        }, "continuous-load");
        thread.setDaemon(true);
    }

    static Load start(Users users) {
        Load load = new Load(users);
        load.thread.start();
        return load;
    }

    void stopAndAwait() throws InterruptedException {
        running.set(false);
        thread.join(10_000);
    }

    int sent() {
        return sent.get();
    }

    int failures() {
        return failures.get();
    }

    @Override
    public void close() throws InterruptedException {
        stopAndAwait();
    }
}
