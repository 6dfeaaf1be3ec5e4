package workbook.loadbalancing;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

@Task(4)
class Task4HiddenTest {

    @Test
    void powerOfTwoChoicesWorksWhenOnlyOneServerIsLeft() {
        Server last = Server.named("last");

        for (int i = 0; i < 10; i++) {
            assertThat(new PowerOfTwoChoices(new Random(i)).pick(List.of(last), "client"))
                    .as("the only healthy server when the others are ejected: there is no second to sample, "
                            + "so it must be chosen (not an exception, not a loop looking for a different one)")
                    .isSameAs(last);
        }
    }

    @Test
    void powerOfTwoChoicesBetweenTwoServersAlwaysTakesTheIdleOne() {
        Server idle = Server.named("idle");
        Server busy = Server.named("busy");
        busy.connectionOpened();
        Balancer balancer = new PowerOfTwoChoices(new Random(3));

        for (int i = 0; i < 200; i++) {
            assertThat(balancer.pick(List.of(idle, busy), "client"))
                    .as("two servers, one busy: two different samples are both servers, so the idle one wins every time")
                    .isSameAs(idle);
        }
    }

    @Test
    void powerOfTwoChoicesNeverTakesTheBusiestOfThree() {
        Server busiest = Server.named("busiest");
        for (int i = 0; i < 5; i++) {
            busiest.connectionOpened();
        }
        List<Server> servers = List.of(busiest, Server.named("idle-1"), Server.named("idle-2"));
        Balancer balancer = new PowerOfTwoChoices(new Random(11));

        for (int i = 0; i < 300; i++) {
            assertThat(balancer.pick(servers, "client"))
                    .as("pick %d of three servers, one with 5 requests in flight: two different samples always include "
                            + "an idle server, so the busiest can never win", i)
                    .isNotSameAs(busiest);
        }
    }
}
