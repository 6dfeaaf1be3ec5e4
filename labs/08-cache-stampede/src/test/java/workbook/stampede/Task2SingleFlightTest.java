package workbook.stampede;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * The single-flight contract, in memory: the loads here are test code that wait on latches, so each
 * test decides exactly when a load finishes.
 */
@Task(2)
class Task2SingleFlightTest {
    static final Duration PATIENCE = Duration.ofSeconds(5);

    @BeforeAll
    static void warmUp() throws Exception {
        // Loads the classes involved once, so no caller is slowed down by class loading during a test.
        try {
            new SingleFlight<String, String>().load("warm-up", () -> "ready");
        } catch (UnsupportedOperationException notDoneYet) {
            // each test reports it
        }
    }

    @Test
    void concurrentCallersForOneKeyShareOneLoad() throws Exception {
        SingleFlight<String, String> flight = new SingleFlight<>();
        AtomicInteger loads = new AtomicInteger();
        CountDownLatch finish = new CountDownLatch(1);

        Callers<String> callers = Callers.start(50, () -> flight.load("widgets:top", () -> {
            loads.incrementAndGet();
            finish.await();
            return "gear,bolt,nut";
        })).awaitAllParked();
        finish.countDown();
        List<Callers.Outcome<String>> outcomes = callers.outcomes(PATIENCE);

        assertThat(outcomes).as("what the 50 callers got").allSatisfy(outcome -> assertThat(outcome.value()).isEqualTo("gear,bolt,nut"));
        assertThat(loads.get()).as("loads run for 50 concurrent callers of one key; every caller that arrives while "
                + "a load is running must wait for it and share its value").isEqualTo(1);
    }

    @Test
    void aFailedLoadReachesEveryWaiterAndIsNotRemembered() throws Exception {
        SingleFlight<String, String> flight = new SingleFlight<>();
        AtomicInteger loads = new AtomicInteger();
        CountDownLatch finish = new CountDownLatch(1);

        Callers<String> callers = Callers.start(20, () -> flight.load("widgets:top", () -> {
            loads.incrementAndGet();
            finish.await();
            throw new IOException("database is down");
        })).awaitAllParked();
        finish.countDown();
        List<Callers.Outcome<String>> outcomes = callers.outcomes(PATIENCE);

        assertThat(loads.get()).as("loads run for 20 concurrent callers of one key").isEqualTo(1);
        assertThat(outcomes).as("every waiter must get the failure of the load it waited for, as the same exception "
                + "the load threw (an IOException here, not a wrapper around it)").allSatisfy(outcome ->
                assertThat(outcome.error()).isInstanceOf(IOException.class).hasMessage("database is down"));

        String next = flight.load("widgets:top", () -> "gear,bolt,nut");
        assertThat(next).as("a call after the failed load must run a new load: a failure must not be remembered").isEqualTo("gear,bolt,nut");
    }

    @Test
    void differentKeysDoNotWaitOnEachOther() throws Exception {
        SingleFlight<String, String> flight = new SingleFlight<>();
        CountDownLatch slowLoadStarted = new CountDownLatch(1);
        CountDownLatch finishSlowLoad = new CountDownLatch(1);
        Callers<String> slow = Callers.start(1, () -> flight.load("widgets:top", () -> {
            slowLoadStarted.countDown();
            finishSlowLoad.await();
            return "slow";
        }));
        try {
            await().atMost(PATIENCE).until(() -> slowLoadStarted.getCount() == 0 || slow.allFinished());
            if (slowLoadStarted.getCount() != 0) {
                slow.outcomes(PATIENCE); // reports the starter's "not done yet"
                fail("the load for widgets:top never started");
            }
            List<Callers.Outcome<String>> other = Callers.start(1, () -> flight.load("widgets:new", () -> "fast"))
                    .outcomes(Duration.ofSeconds(2), "a load for widgets:new waited more than 2 s while a load for widgets:top "
                            + "was running: a lock shared by every key makes each key wait for the slowest one; coalesce per key");
            assertThat(other.get(0).value()).isEqualTo("fast");
        } finally {
            finishSlowLoad.countDown();
        }
        assertThat(slow.outcomes(PATIENCE).get(0).value()).isEqualTo("slow");
    }

    @Test
    void nothingIsLeftInFlightOnceLoadsFinish() throws Exception {
        SingleFlight<String, String> flight = new SingleFlight<>();
        CountDownLatch finish = new CountDownLatch(1);
        Callers<String> callers = Callers.start(2, () -> flight.load(Thread.currentThread().getName(), () -> {
            finish.await();
            return "done";
        })).awaitAllParked();
        int whileRunning = flight.inFlight();
        finish.countDown();
        callers.outcomes(PATIENCE);
        for (int key = 0; key < 1000; key++) {
            int failing = key;
            try {
                flight.load("key-" + key, () -> {
                    if (failing % 2 == 0) {
                        throw new IOException("failed load " + failing);
                    }
                    return "value " + failing;
                });
            } catch (IOException expected) {
                // half of the loads fail on purpose
            }
        }

        assertThat(whileRunning).as("inFlight() while loads for 2 keys were running").isEqualTo(2);
        assertThat(flight.inFlight()).as("inFlight() after 1002 loads (half of them failed) had all finished; anything "
                + "left is a leak that grows with every key ever loaded").isZero();
    }
}
