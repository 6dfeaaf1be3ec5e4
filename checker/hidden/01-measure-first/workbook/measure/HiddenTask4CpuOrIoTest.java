package workbook.measure;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@Task(4)
class HiddenTask4CpuOrIoTest {

    @Test
    void requestsAreCountedPerPathWithoutTheQuery() throws Exception {
        CpuTimeFilter filter = new CpuTimeFilter();
        try (LabServer server = LabServer.start(2)) {
            server.route("/items", () -> { }, filter).route("/other", () -> { }, filter);
            Target.get(server.uri("/items?page=1")).call();
            Target.get(server.uri("/items?page=2")).call();
            Target.get(server.uri("/other")).call();
            await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
                assertThat(filter.profile("/items").requests()).as("requests to /items, whatever their query").isEqualTo(2);
                assertThat(filter.profile("/other").requests()).isEqualTo(1);
            });
        }
        assertThat(filter.profile("/items").wallNanos()).as("wall time of /items").isPositive();
    }

    @Test
    void concurrentRequestsAreAllCounted() throws Exception {
        CpuTimeFilter filter = new CpuTimeFilter();
        try (LabServer server = LabServer.start(8)) {
            server.route("/busy", () -> Thread.sleep(1), filter);
            new ClosedLoopGenerator(Ticker.system()).run(Target.get(server.uri("/busy")), 8, 25);
            await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(filter.profile("/busy").requests())
                    .as("8 clients x 25 requests, handled by 8 threads").isEqualTo(200));
        }
    }

    @Test
    void aPathWithoutRequestsHasNoBound() {
        assertThatThrownBy(() -> new CpuTimeFilter().boundOf("/never")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void fewerThreadsThanCoresAreTheLimit() {
        assertThat(CpuTimeFilter.expectedSpeedup(Bound.CPU, 1, 8)).isEqualTo(1.0);
        assertThat(CpuTimeFilter.expectedSpeedup(Bound.CPU, 3, 8)).isEqualTo(3.0);
        assertThat(CpuTimeFilter.expectedSpeedup(Bound.CPU, 16, 4)).isEqualTo(4.0);
        assertThat(CpuTimeFilter.expectedSpeedup(Bound.IO, 3, 8)).isEqualTo(3.0);
        assertThat(CpuTimeFilter.expectedSpeedup(Bound.IO, 64, 2)).isEqualTo(64.0);
    }
}
