package workbook.failing;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

@Task(4)
class HiddenTask4LoadShedderTest {
    private static Response refusedBy(LoadShedder shedder) {
        return shedder.serve(() -> shedder.serve(() -> Response.of(200, "inner")));
    }

    @Test
    void retryAfterRoundsUpEvenJustAboveAWholeSecond() {
        assertThat(refusedBy(new LoadShedder(1, Duration.ofMillis(1200))).headers().get("Retry-After"))
                .as("Retry-After for 1.2 s").isEqualTo("2");
        assertThat(refusedBy(new LoadShedder(1, Duration.ofMillis(1001))).headers().get("Retry-After"))
                .as("Retry-After for 1.001 s").isEqualTo("2");
        assertThat(refusedBy(new LoadShedder(1, Duration.ZERO)).headers().get("Retry-After"))
                .as("Retry-After for 0 s").isEqualTo("1");
        assertThat(refusedBy(new LoadShedder(1, Duration.ofSeconds(1))).headers().get("Retry-After")).isEqualTo("1");
    }

    @Test
    void aFailedRequestGivesBackExactlyOneSlot() {
        LoadShedder shedder = new LoadShedder(1, Duration.ofSeconds(1));
        for (int i = 0; i < 3; i++) {
            catchThrowable(() -> shedder.serve(() -> {
                throw new IllegalStateException("boom");
            }));
        }
        assertThat(shedder.inFlight()).isZero();
        Response second = shedder.serve(() -> shedder.serve(() -> Response.of(200, "second")));
        assertThat(second.status()).as("a second request while one is in flight, 1 slot, after 3 failed requests: a slot "
                + "given back twice grows the limit").isEqualTo(503);
    }

    @Test
    void theRefusedRequestIsNeverRunAndTheLimitIsExact() {
        LoadShedder shedder = new LoadShedder(2, Duration.ofSeconds(3));
        AtomicInteger ran = new AtomicInteger();
        Response answer = shedder.serve(() -> shedder.serve(() -> {
            assertThat(shedder.inFlight()).isEqualTo(2);
            return shedder.serve(() -> {
                ran.incrementAndGet();
                return Response.of(200, "third");
            });
        }));
        assertThat(answer.status()).as("the third of three nested requests with 2 slots").isEqualTo(503);
        assertThat(answer.headers()).containsEntry("Retry-After", "3");
        assertThat(ran.get()).as("times the refused request ran").isZero();
        assertThat(shedder.inFlight()).isZero();
        assertThatThrownBy(() -> new LoadShedder(0, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
