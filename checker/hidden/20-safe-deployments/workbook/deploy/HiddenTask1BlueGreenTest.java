package workbook.deploy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Hidden cases for Task 1: what the drain waits for, and how soon it notices. */
@Task(1)
class HiddenTask1BlueGreenTest {
    private ServiceVersion blue;
    private ServiceVersion green;
    private BlueGreenRouter router;
    private LoadBalancer balancer;
    private Users users;

    @BeforeEach
    void start() {
        blue = ServiceVersion.start("blue", 0, 1);
        green = ServiceVersion.start("green", 0, 2);
        router = new BlueGreenRouter(blue);
        balancer = LoadBalancer.start(router);
        users = new Users(balancer);
    }

    @AfterEach
    void stop() {
        balancer.close();
        blue.close();
        green.close();
    }

    private CompletableFuture<Boolean> switchAsync(ServiceVersion target, Duration drainTimeout) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return router.switchTo(target, drainTimeout);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
    }

    @Test
    void theDrainWaitsForTheOldVersionOnlyNotForTheNewOne() throws Exception {
        ServiceVersion.Hold onBlue = blue.holdSlowRequests(1);
        CompletableFuture<Users.Answer> slowOnBlue = users.getAsync("a", "/slow");
        assertThat(onBlue.awaitEntered()).isTrue();
        CompletableFuture<Boolean> deploy = switchAsync(green, Duration.ofSeconds(25));
        await().atMost(Duration.ofSeconds(5)).until(() -> router.live() == green);
        ServiceVersion.Hold onGreen = green.holdSlowRequests(1);
        CompletableFuture<Users.Answer> slowOnGreen = users.getAsync("b", "/slow");
        assertThat(onGreen.awaitEntered()).isTrue();
        onBlue.release();
        try {
            assertThat(deploy.get(5, TimeUnit.SECONDS)).as("switch to green once blue drained, with a request "
                    + "still in flight on green").isTrue();
        } finally {
            onGreen.release();
        }
        assertThat(slowOnBlue.join().status()).isEqualTo(200);
        assertThat(slowOnGreen.join().status()).isEqualTo(200);
    }

    @Test
    void theSwitchReturnsSoonAfterTheLastRequestEndsNotAtTheTimeout() throws Exception {
        ServiceVersion.Hold hold = blue.holdSlowRequests(2);
        CompletableFuture<Users.Answer> first = users.getAsync("a", "/slow");
        CompletableFuture<Users.Answer> second = users.getAsync("b", "/slow");
        assertThat(hold.awaitEntered()).isTrue();
        CompletableFuture<Boolean> deploy = switchAsync(green, Duration.ofSeconds(25));
        await().atMost(Duration.ofSeconds(5)).until(() -> router.live() == green);
        hold.release();
        first.join();
        second.join();
        assertThat(deploy.get(5, TimeUnit.SECONDS)).as("switch with a 25 s drain timeout, 2 requests that ended "
                + "after the switch began").isTrue();
    }

    @Test
    void switchingToTheLiveVersionHasNothingToDrain() throws Exception {
        ServiceVersion.Hold hold = blue.holdSlowRequests(1);
        CompletableFuture<Users.Answer> slow = users.getAsync("a", "/slow");
        assertThat(hold.awaitEntered()).isTrue();
        try {
            assertThat(switchAsync(blue, Duration.ofSeconds(25)).get(5, TimeUnit.SECONDS))
                    .as("switch to the version that is already live").isTrue();
        } finally {
            hold.release();
        }
        assertThat(slow.join().status()).isEqualTo(200);
    }

    @Test
    void requestsThatFailStillEnd() throws Exception {
        green.stop();
        assertThat(router.switchTo(green, Duration.ofSeconds(1))).isTrue();
        for (int i = 0; i < 3; i++) {
            assertThat(users.get("u" + i, "/").status()).as("answer from a stopped version").isEqualTo(502);
        }
        assertThat(router.inFlight(green)).as("requests in flight on a version whose 3 requests all failed").isZero();
        assertThat(router.switchTo(blue, Duration.ofSeconds(1))).as("rolling back from the broken version").isTrue();
        assertThat(users.get("u", "/").version()).isEqualTo("blue");
    }
}
