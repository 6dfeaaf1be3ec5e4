package workbook.retries;

import workbook.labkit.testing.MutableClock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.IntFunction;

/**
 * Many clients calling one {@link LoadServer}, each retrying as its own {@link RetryPolicy} (and,
 * if it has one, its {@link RetryBudget}) decides. Time is a fake clock: every attempt is a real
 * HTTP request, sent when the fake time reaches it, one at a time in time order, so a run of
 * thousands of attempts takes a second and gives the same counts every time.
 */
public final class RetryStorm {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** Who calls, and when: {@code requestsPerClient} calls each, {@code interval} apart, from {@code start}. */
    public record Workload(int clients, int requestsPerClient, Duration interval, boolean staggered) {
        /** Every client sends one request at the same instant (they all failed together and came back together). */
        public static Workload synchronizedBurst(int clients) {
            return new Workload(clients, 1, Duration.ZERO, false);
        }

        public int originalRequests() {
            return clients * requestsPerClient;
        }
    }

    /** What the server saw, and how the calls ended. */
    public record Result(int originalRequests, int requestsSeen, int failedCalls) {
        public double amplification() {
            return (double) requestsSeen / originalRequests;
        }
    }

    private record Attempt(long atMillis, long sequence, int client, int number) {
    }

    private RetryStorm() {
    }

    /**
     * Runs the workload from {@code start} until every call has succeeded or given up.
     *
     * @param policyOfClient a retry policy per client (give each its own seeded Random)
     * @param budgetOfClient a retry budget per client, or empty for none
     */
    public static Result run(LoadServer server, MutableClock clock, Instant start, Workload workload,
                             IntFunction<RetryPolicy> policyOfClient, IntFunction<Optional<RetryBudget>> budgetOfClient) {
        HttpTransport transport = new HttpTransport("127.0.0.1", server.port(), TIMEOUT);
        RetryPolicy[] policies = new RetryPolicy[workload.clients()];
        @SuppressWarnings("unchecked")
        Optional<RetryBudget>[] budgets = new Optional[workload.clients()];
        PriorityQueue<Attempt> due = new PriorityQueue<>(
                Comparator.comparingLong(Attempt::atMillis).thenComparingLong(Attempt::sequence));
        long sequence = 0;
        long spacing = workload.staggered() ? workload.interval().toMillis() / workload.clients() : 0;
        for (int client = 0; client < workload.clients(); client++) {
            policies[client] = policyOfClient.apply(client);
            budgets[client] = budgetOfClient.apply(client);
            for (int call = 0; call < workload.requestsPerClient(); call++) {
                long at = start.toEpochMilli() + client * spacing + call * workload.interval().toMillis();
                due.add(new Attempt(at, sequence++, client, 1));
            }
        }
        Request request = Request.get("/work");
        int failed = 0;
        while (!due.isEmpty()) {
            Attempt attempt = due.poll();
            clock.set(Instant.ofEpochMilli(attempt.atMillis()));
            Optional<RetryBudget> budget = budgets[attempt.client()];
            if (attempt.number() == 1) {
                budget.ifPresent(RetryBudget::recordRequest);
            }
            Reply reply = send(transport, request);
            if (reply.successful()) {
                continue;
            }
            Optional<Duration> wait = policies[attempt.client()]
                    .delayBeforeNextAttempt(request, attempt.number(), Optional.of(reply), clock.instant());
            if (wait.isEmpty() || !budget.map(RetryBudget::tryRetry).orElse(true)) {
                failed++;
                continue;
            }
            due.add(new Attempt(attempt.atMillis() + wait.get().toMillis(), sequence++, attempt.client(), attempt.number() + 1));
        }
        return new Result(workload.originalRequests(), server.requestsSeen(), failed);
    }

    private static Reply send(Transport transport, Request request) {
        try {
            return transport.send(request);
        } catch (IOException e) {
            throw new UncheckedIOException("the load server did not answer: " + e.getMessage(), e);
        }
    }
}
