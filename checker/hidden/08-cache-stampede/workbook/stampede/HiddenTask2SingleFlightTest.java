package workbook.stampede;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Hidden: errors that are not exceptions, the very same exception object, keys with equal hash codes. */
@Task(2)
class HiddenTask2SingleFlightTest {
    static final Duration PATIENCE = Duration.ofSeconds(5);

    @Test
    void aLoadThatThrowsAnErrorStillReleasesItsWaiters() throws Exception {
        SingleFlight<String, String> flight = new SingleFlight<>();
        CountDownLatch finish = new CountDownLatch(1);
        Callers<String> callers = Callers.start(10, () -> flight.load("widgets:top", () -> {
            finish.await();
            throw new StackOverflowError("deep recursion in the loader");
        })).awaitAllParked();
        finish.countDown();

        List<Callers.Outcome<String>> outcomes = callers.outcomes(PATIENCE, "waiters were still waiting 5 s after the load "
                + "threw an Error (not an Exception): the flight must be completed whatever the loader throws");
        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.error()).isInstanceOf(StackOverflowError.class));
        assertThat(flight.inFlight()).as("flights left after a load threw an Error").isZero();
    }

    @Test
    void waitersGetTheVeryExceptionTheLoadThrew() throws Exception {
        SingleFlight<String, String> flight = new SingleFlight<>();
        CountDownLatch finish = new CountDownLatch(1);
        IOException thrown = new IOException("database is down");
        Callers<String> callers = Callers.start(10, () -> flight.load("widgets:top", () -> {
            finish.await();
            throw thrown;
        })).awaitAllParked();
        finish.countDown();

        assertThat(callers.outcomes(PATIENCE)).allSatisfy(outcome -> assertThat(outcome.error()).isSameAs(thrown));
    }

    @Test
    void keysWithTheSameHashCodeAreStillDifferentKeys() throws Exception {
        SingleFlight<String, String> flight = new SingleFlight<>();
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        CountDownLatch finish = new CountDownLatch(1);
        AtomicInteger loads = new AtomicInteger();
        Callers<String> callers = Callers.start(2, () -> {
            String key = Thread.currentThread().getName().endsWith("0") ? "Aa" : "BB";
            return flight.load(key, () -> {
                loads.incrementAndGet();
                finish.await();
                return key;
            });
        }).awaitAllParked();
        finish.countDown();

        List<Callers.Outcome<String>> outcomes = callers.outcomes(PATIENCE);
        assertThat(outcomes.get(0).value()).as("value for key Aa").isEqualTo("Aa");
        assertThat(outcomes.get(1).value()).as("value for key BB (same hash code as Aa)").isEqualTo("BB");
        assertThat(loads.get()).isEqualTo(2);
    }

    @Test
    void aFinishedLoadIsNotACache() throws Exception {
        SingleFlight<String, String> flight = new SingleFlight<>();
        AtomicInteger loads = new AtomicInteger();
        flight.load("widgets:top", () -> "v" + loads.incrementAndGet());

        assertThat(flight.load("widgets:top", () -> "v" + loads.incrementAndGet()))
                .as("a call after the previous load finished must load again (single-flight is not a cache)").isEqualTo("v2");
    }
}
