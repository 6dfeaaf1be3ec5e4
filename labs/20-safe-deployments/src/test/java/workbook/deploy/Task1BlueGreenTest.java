package workbook.deploy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@Task(1)
class Task1BlueGreenTest {
    static final int HELD_ON_BLUE = 4;

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

    @Test
    void aSwitchUnderLoadLetsTheRequestsInFlightOnBlueFinish() throws Exception {
        ServiceVersion.Hold hold = blue.holdSlowRequests(HELD_ON_BLUE);
        List<CompletableFuture<Users.Answer>> slow = new ArrayList<>();
        for (int i = 0; i < HELD_ON_BLUE; i++) {
            slow.add(users.getAsync("slow-" + i, "/slow"));
        }
        assertThat(hold.awaitEntered()).as("%d slow requests should have reached blue", HELD_ON_BLUE).isTrue();
        try (Load load = Load.start(users)) {
            // The deploy script: switch, and stop blue as soon as the switch returns.
            CompletableFuture<Boolean> deploy = CompletableFuture.supplyAsync(() -> {
                boolean drained = switchTo(green, Duration.ofSeconds(15));
                blue.stop();
                return drained;
            });
            await().atMost(Duration.ofSeconds(5)).until(() -> router.live() == green);
            List<Users.Answer> duringDrain = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                duringDrain.add(users.get("new-" + i, "/"));
            }
            boolean switchWaitedForBlue = !deploy.isDone();
            hold.release();
            boolean drained = deploy.get(15, TimeUnit.SECONDS);
            long cut = slow.stream().map(CompletableFuture::join).filter(Users.Answer::failed).count();

            assertThat(cut).as("requests that were in flight on blue when the switch happened (%d) and failed "
                    + "because the deploy stopped blue under them: the switch must wait until blue has drained "
                    + "before it returns", HELD_ON_BLUE).isZero();
            assertThat(switchWaitedForBlue).as("switchTo returned while %d requests were still in flight on blue",
                    HELD_ON_BLUE).isTrue();
            assertThat(drained).as("switchTo's answer once blue's requests had all finished").isTrue();
            assertThat(duringDrain).as("requests sent after the switch began, while blue drained: all to green, all served")
                    .allMatch(answer -> answer.version().equals("green") && answer.status() == 200);
            load.stopAndAwait();
            assertThat(load.failures()).as("failed requests among the %d sent by the continuous load during the switch",
                    load.sent()).isZero();
        }
        assertThat(balancer.failures()).as("failed answers users received during the whole deployment").isZero();
        assertThat(router.inFlight(blue)).as("requests still counted in flight on blue after it drained").isZero();
    }

    @Test
    void rollingBackIsTheSameSwitchTheOtherWay() {
        assertThat(switchTo(green, Duration.ofSeconds(5))).as("a switch with nothing in flight drains at once").isTrue();
        for (int i = 0; i < 5; i++) {
            assertThat(users.get("u" + i, "/").version()).as("version serving request %d after the switch to green", i)
                    .isEqualTo("green");
        }
        assertThat(switchTo(blue, Duration.ofSeconds(5))).as("rolling back with nothing in flight").isTrue();
        for (int i = 0; i < 3; i++) {
            assertThat(users.get("u" + i, "/").version()).as("version serving request %d after the rollback", i)
                    .isEqualTo("blue");
        }
        assertThat(green.served()).as("requests green served").isEqualTo(5);
        assertThat(blue.served()).as("requests blue served").isEqualTo(3);
        assertThat(router.inFlight(green)).as("requests counted in flight on green once all have answered").isZero();
    }

    @Test
    void theRequestsInFlightAreCountedPerVersion() throws Exception {
        ServiceVersion.Hold hold = blue.holdSlowRequests(3);
        List<CompletableFuture<Users.Answer>> slow = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            slow.add(users.getAsync("slow-" + i, "/slow"));
        }
        assertThat(hold.awaitEntered()).as("3 slow requests should have reached blue").isTrue();
        assertThat(router.inFlight(blue)).as("requests in flight on blue while 3 are held open").isEqualTo(3);
        assertThat(router.inFlight(green)).as("requests in flight on green, which has had none").isZero();
        hold.release();
        slow.forEach(CompletableFuture::join);
        assertThat(router.inFlight(blue)).as("requests in flight on blue once all 3 have answered").isZero();
    }

    @Test
    void aStuckRequestDoesNotHoldTheSwitchForever() throws Exception {
        ServiceVersion.Hold hold = blue.holdSlowRequests(1);
        CompletableFuture<Users.Answer> stuck = users.getAsync("stuck", "/slow");
        assertThat(hold.awaitEntered()).as("the slow request should have reached blue").isTrue();
        CompletableFuture<Boolean> deploy = CompletableFuture.supplyAsync(() -> switchTo(green, Duration.ofMillis(300)));
        boolean drained = deploy.get(10, TimeUnit.SECONDS);
        hold.release();
        stuck.join();
        assertThat(drained).as("switchTo with a 300 ms drain timeout while a request stays stuck on blue: "
                + "false says the drain timed out").isFalse();
        assertThat(router.live()).as("the live version after a switch whose drain timed out").isSameAs(green);
    }

    private boolean switchTo(ServiceVersion target, Duration drainTimeout) {
        try {
            return router.switchTo(target, drainTimeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
