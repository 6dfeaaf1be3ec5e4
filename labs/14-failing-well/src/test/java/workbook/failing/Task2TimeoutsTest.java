package workbook.failing;

import eu.rekawek.toxiproxy.model.ToxicDirection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Toxi;
import workbook.labkit.testing.Task;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

@Task(2)
class Task2TimeoutsTest {
    @RegisterExtension
    static final Toxi toxi = Toxi.create();

    /** What the tests use when the sizing rule is not the point: a 150 ms read timeout. */
    static final Timeouts SHORT = new Timeouts(Duration.ofMillis(200), Duration.ofMillis(150));
    /** For calls that must succeed even on a busy machine. */
    static final Timeouts GENEROUS = new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));
    /**
     * How long the tests wait for a call that should give up after SHORT's 150 ms: ten times that, room
     * for a busy machine, and still a third of the 5 s the slow dependency takes, so a hang shows.
     */
    static final Duration HANG_SHOWS_AFTER = Duration.ofMillis(1500);

    private Backend recommendations;
    private Toxi.Proxied toRecommendations;

    @BeforeEach
    void start() throws Exception {
        recommendations = Backend.recommendations();
        toRecommendations = toxi.localPort("t2-recommendations", recommendations.port());
    }

    @AfterEach
    void stop() {
        recommendations.close();
    }

    private URI proxied() {
        return URI.create("http://" + toRecommendations.address());
    }

    @Test
    void timeoutsAreSizedFromTheNormalP99() {
        assertThat(DependencyClient.timeoutsFor(Duration.ofMillis(40)))
                .as("timeouts for a dependency whose normal p99 is 40 ms: connect within one p99, read within three")
                .isEqualTo(new Timeouts(Duration.ofMillis(40), Duration.ofMillis(120)));
        assertThat(DependencyClient.timeoutsFor(Duration.ofMillis(333)))
                .as("timeouts for a normal p99 of 333 ms").isEqualTo(new Timeouts(Duration.ofMillis(333), Duration.ofMillis(999)));
        assertThatThrownBy(() -> DependencyClient.timeoutsFor(Duration.ZERO))
                .as("a p99 of zero cannot size a timeout").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aHealthyDependencyAnswers() {
        DependencyClient client = new DependencyClient(proxied(), GENEROUS);
        assertThat(client.get("/recommendations?user=ann")).as("body of a 200 from recommendations").isEqualTo("book-for-ann,lamp,kettle");
        assertThat(client.timeouts()).isEqualTo(GENEROUS);
    }

    @Test
    void anErrorStatusIsAFailedCall() {
        recommendations.answerWith(500);
        DependencyClient client = new DependencyClient(proxied(), GENEROUS);
        Throwable thrown = catchThrowable(() -> client.get("/recommendations?user=ann"));
        assertThat(thrown).as("a call answered with 500: its body is an error page, not recommendations; the caller must "
                + "see a failed call (a DependencyException)").isInstanceOf(DependencyException.class);
        assertThat(((DependencyException) thrown).status()).as("the status the dependency answered").isEqualTo(500);
    }

    @Test
    void aSlowDependencyFailsTheCallAfterTheReadTimeout() throws Exception {
        toRecommendations.toxics().latency("recommendations-slow", ToxicDirection.DOWNSTREAM, 5000);
        DependencyClient client = new DependencyClient(proxied(), SHORT);
        ExecutorService caller = Executors.newSingleThreadExecutor();
        Future<String> call = caller.submit(() -> client.get("/recommendations?user=ann"));
        try {
            call.get(HANG_SHOWS_AFTER.toMillis(), TimeUnit.MILLISECONDS);
            fail("a call to a dependency that answers after 5 s returned a value within " + seconds(HANG_SHOWS_AFTER));
        } catch (TimeoutException stillWaiting) {
            fail("a call to a dependency that answers after 5 s was still waiting after " + seconds(HANG_SHOWS_AFTER)
                    + "; with a read timeout of 150 ms it should have failed by then. A call without a timeout holds "
                    + "its worker as long as the dependency likes");
        } catch (ExecutionException failed) {
            assertThat(failed.getCause()).as("what a timed-out call throws").isInstanceOf(DependencyException.class);
        } finally {
            caller.shutdownNow();
        }
    }

    @Test
    void withTimeoutsASlowDependencyGivesFastErrorsNotHangs() throws Exception {
        Backend payments = Backend.payments();
        try (payments; Storefront shop = Storefront.builder(4)
                .recommendations(new DependencyClient(proxied(), SHORT))
                .payments(new DependencyClient(URI.create("http://127.0.0.1:" + payments.port()), SHORT))
                .start()) {
            toRecommendations.toxics().latency("recommendations-slow", ToxicDirection.DOWNSTREAM, 5000);
            Outcomes home = LoadProbe.requests(shop.uri("/home?user=ann"), 4, 4, HANG_SHOWS_AFTER, new Outcomes());
            System.out.printf("[Task 2] /home with recommendations taking 5 s and a read timeout of 150 ms: %s%n", Summary.of(home));
            assertThat(home.count(502)).as("/home answers that were a quick 502 (the call timed out) among 4, while "
                    + "recommendations take 5 s (%s); a client that gave up after %s means the worker was still waiting",
                    Summary.of(home), seconds(HANG_SHOWS_AFTER))
                    .isEqualTo(4);
        }
    }

    private static String seconds(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1e3);
    }
}
