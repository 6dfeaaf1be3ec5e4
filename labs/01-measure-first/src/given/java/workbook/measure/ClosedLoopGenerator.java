package workbook.measure;

import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;

/**
 * A closed-loop load generator, the way wrk and most hand-written load tests work: each client sends a
 * request, waits for its answer, and only then sends the next one. Each latency is measured from the
 * moment the request was actually sent.
 * <p>
 * That is the flaw this lab is about. While the server stalls, every client waits with it and sends
 * nothing, so a 2 s stall is recorded as one slow request per client, and the requests that users
 * would have sent during those 2 s (and that would all have waited) are never sent and never
 * recorded. The generator has coordinated with the server and omitted the evidence: "coordinated
 * omission". Given; read it, do not change it.
 */
public final class ClosedLoopGenerator {
    private final Ticker ticker;

    public ClosedLoopGenerator(Ticker ticker) {
        this.ticker = ticker;
    }

    /**
     * Runs {@code clients} clients at once, each sending {@code requestsPerClient} requests back to back,
     * and returns every latency in microseconds, in one histogram.
     */
    public Histogram run(Target target, int clients, int requestsPerClient) throws InterruptedException {
        List<Histogram> perClient = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        List<Exception> failures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Histogram histogram = Histograms.create();
            perClient.add(histogram);
            Thread thread = new Thread(() -> {
                try {
                    for (int i = 0; i < requestsPerClient; i++) {
                        long sent = ticker.nanoTime();
                        target.call();
                        histogram.recordValue(Histograms.micros(ticker.nanoTime() - sent));
                    }
                } catch (Exception e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }, "closed-loop-client-" + c);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException(failures.size() + " of " + clients + " clients failed; the first: " + failures.get(0), failures.get(0));
        }
        Histogram all = Histograms.create();
        perClient.forEach(all::add);
        return all;
    }
}
