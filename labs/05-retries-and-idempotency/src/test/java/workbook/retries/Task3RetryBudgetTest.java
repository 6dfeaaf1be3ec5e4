package workbook.retries;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Concurrently;
import workbook.labkit.testing.MutableClock;
import workbook.labkit.testing.Task;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

@Task(3)
class Task3RetryBudgetTest {
    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    static final RetrySettings FOUR_ATTEMPTS = new RetrySettings(4, Duration.ofMillis(100), Duration.ofSeconds(2));

    private final MutableClock clock = MutableClock.at(NOW);
    private LoadServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aTotalOutageMultipliesLoadByOnePointOneNotByTheAttemptCount() throws IOException {
        server = LoadServer.start(clock, 100, 100);
        server.outage(Instant.MIN, Instant.MAX);
        HttpTransport http = new HttpTransport("127.0.0.1", server.port(), Duration.ofSeconds(5));
        RetryPolicy policy = new RetryPolicy(FOUR_ATTEMPTS, new Random(9));

        RetryingClient unlimited = new RetryingClient(policy, clock, new FakeSleeper(clock));
        for (int call = 0; call < 50; call++) {
            unlimited.send(Request.get("/work"), http);
        }
        int withoutBudget = server.requestsSeen();

        RetryingClient budgeted = new RetryingClient(policy, new RetryBudget(10, 1), clock, new FakeSleeper(clock));
        for (int call = 0; call < 200; call++) {
            budgeted.send(Request.get("/work"), http);
        }
        int withBudget = server.requestsSeen() - withoutBudget;
        System.out.printf("[Task 3] total outage: %d requests for 50 calls without a budget (%.1fx), "
                + "%d for 200 calls with a 10%% budget (%.2fx)%n", withoutBudget, withoutBudget / 50.0, withBudget, withBudget / 200.0);
        assertThat(withoutBudget).as("requests for 50 calls during a total outage, 4 attempts each, no budget").isEqualTo(200);
        assertThat(withBudget).as("requests the server saw for 200 calls during a total outage with a budget of 10%% "
                + "(%.2fx): 200 calls and 20 retries is 1.1x. Without the budget it would be 800 (4x), load that "
                + "cannot help a server that is down", withBudget / 200.0).isEqualTo(220);
    }

    @Test
    void theBudgetStartsWithTheSavedRetriesAndRefillsByRequests() {
        RetryBudget budget = new RetryBudget(10, 2);
        assertThat(budget.tryRetry()).as("first retry of a fresh budget that saves up to 2").isTrue();
        assertThat(budget.tryRetry()).as("second retry of a fresh budget that saves up to 2").isTrue();
        assertThat(budget.tryRetry()).as("third retry with nothing deposited: the budget is spent").isFalse();
        for (int i = 0; i < 9; i++) {
            budget.recordRequest();
        }
        assertThat(budget.tryRetry()).as("a retry after 9 requests at 10% (0.9 of a retry deposited)").isFalse();
        budget.recordRequest();
        assertThat(budget.tryRetry()).as("a retry after the 10th request at 10%: one whole retry deposited").isTrue();
        assertThat(budget.tryRetry()).as("and a second one").isFalse();
    }

    @Test
    void quietTimesSaveUpOnlyTheMaximum() {
        RetryBudget budget = new RetryBudget(10, 3);
        for (int i = 0; i < 5000; i++) {
            budget.recordRequest();
        }
        int retries = 0;
        while (budget.tryRetry() && retries < 1000) {
            retries++;
        }
        assertThat(retries).as("retries after 5000 healthy requests with at most 3 saved: a long quiet spell must "
                + "not bank 500 retries for the next outage").isEqualTo(3);
    }

    @Test
    void eightThreadsShareOneBudgetExactly() {
        RetryBudget budget = new RetryBudget(10, 1000);
        int spentFromSavings = grantedTo8Threads(budget, 200, false);
        assertThat(spentFromSavings).as("retries granted to 8 threads asking 200 times each, from 1000 saved; more "
                + "means two threads spent the same retry").isEqualTo(1000);
        grantedTo8Threads(budget, 1000, true);
        int fromDeposits = grantedTo8Threads(budget, 200, false);
        assertThat(fromDeposits).as("retries granted after 8 threads recorded 1000 requests each at 10%; fewer means "
                + "deposits were lost when threads added at the same time").isEqualTo(800);
    }

    /** 8 threads at once, each {@code times} recording a request (deposit) or trying a retry; the retries granted. */
    private static int grantedTo8Threads(RetryBudget budget, int times, boolean deposit) {
        var outcomes = Concurrently.run(8, thread -> {
            int granted = 0;
            for (int i = 0; i < times; i++) {
                if (deposit) {
                    budget.recordRequest();
                } else {
                    granted += budget.tryRetry() ? 1 : 0;
                }
            }
            return granted;
        });
        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.error()).as("error in thread %d", outcome.caller()).isNull());
        return Concurrently.values(outcomes).stream().mapToInt(Integer::intValue).sum();
    }
}
