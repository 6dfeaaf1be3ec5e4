package workbook.httpcache;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Concurrently;
import workbook.labkit.testing.MutableClock;
import workbook.labkit.testing.Task;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Hidden: collapsing must never hand one user's personal answer to another user. */
@Task(5)
class HiddenTask5CollapsingTest {
    private final MutableClock clock = MutableClock.startingAtEpochMinute();
    private final ScriptedOrigin scripted = ScriptedOrigin.start();
    private final Edge shield = Edge.start("shield", scripted.uri(), clock);

    @AfterEach
    void stop() {
        shield.close();
        scripted.close();
    }

    @Test
    void concurrentRequestsWithCredentialsAreNotCollapsed() {
        scripted.serve("/account", "account of {Authorization}", "Cache-Control", "private, no-store");
        scripted.hold();
        Thread release = new Thread(() -> {
            await().atMost(Duration.ofSeconds(3)).until(() -> shield.requests() >= 4);
            scripted.release();
        });
        release.start();
        List<Concurrently.Outcome<HttpResponse<String>>> outcomes = Concurrently.run(4, Duration.ofSeconds(8),
                caller -> Http.get(shield.uri(), "/account", "Authorization", "Bearer user" + caller));
        scripted.release();
        for (Concurrently.Outcome<HttpResponse<String>> outcome : outcomes) {
            assertThat(outcome.value().body()).as("what user%d got while 4 users asked for /account at once: a shared "
                    + "fetch would give all of them one user's page", outcome.caller()).isEqualTo("account of Bearer user" + outcome.caller());
        }
    }

    @Test
    void aRequestForAnotherVariantDoesNotTakeTheLeadersAnswer() {
        scripted.serve("/hello", "hello in {Accept-Language}", "Cache-Control", "max-age=60", "Vary", "Accept-Language");
        scripted.hold();
        Thread release = new Thread(() -> {
            await().atMost(Duration.ofSeconds(3)).until(() -> shield.requests() >= 2);
            scripted.release();
        });
        release.start();
        List<Concurrently.Outcome<HttpResponse<String>>> outcomes = Concurrently.run(2, Duration.ofSeconds(8),
                caller -> Http.get(shield.uri(), "/hello", "Accept-Language", caller == 0 ? "en" : "de"));
        scripted.release();
        for (Concurrently.Outcome<HttpResponse<String>> outcome : outcomes) {
            assertThat(outcome.value().body()).as("what the %s request got while an en and a de request for /hello "
                    + "(Vary: Accept-Language) arrived together", outcome.caller() == 0 ? "en" : "de")
                    .isEqualTo("hello in " + (outcome.caller() == 0 ? "en" : "de"));
        }
        assertThat(scripted.fetches("/hello")).as("origin fetches for two variants").isEqualTo(2);
        assertThat(shield.requests()).as("requests the shield received from 2 clients: one each; more means a client "
                + "got no answer and its HTTP client sent the request again").isEqualTo(2);
    }
}
