package workbook.scaling;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Task(4)
class HiddenTask4FleetTest {

    @Test
    void aFleetRunsTheInstancesItWasAskedForBehindTheBalancer() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        try (Downstream downstream = new Downstream();
             Fleet fleet = Fleet.start(3, 1, URI.create("http://127.0.0.1:" + downstream.port() + "/"))) {
            assertThat(fleet.instances()).as("instances of Fleet.start(3, ...)").hasSize(3);
            List<String> servedBy = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                HttpResponse<String> answer = client.send(HttpRequest.newBuilder(fleet.uri().resolve("/work"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as("status of GET /work through the fleet's balancer").isEqualTo(200);
                servedBy.add(answer.headers().firstValue(ProfileApp.SERVED_BY).orElse("?"));
            }
            assertThat(servedBy).as("instances that answered 6 requests through the balancer")
                    .containsExactly("worker-1", "worker-2", "worker-3", "worker-1", "worker-2", "worker-3");
        }
    }

    @Test
    void aFleetOfNoInstancesIsRefused() {
        assertThatThrownBy(() -> Fleet.start(0, 2, URI.create("http://127.0.0.1:1/")))
                .as("Fleet.start(0, ...)").isInstanceOf(IllegalArgumentException.class);
    }
}
