package workbook.httpcache;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Concurrently;
import workbook.labkit.testing.MutableClock;
import workbook.labkit.testing.Task;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@Task(5)
class Task5OriginShieldTest {
    static final int EDGES = 20;

    private final MutableClock clock = MutableClock.startingAtEpochMinute();
    private final ScriptedOrigin scripted = ScriptedOrigin.start();
    private final Edge shield = Edge.start("shield", scripted.uri(), clock);
    private final List<Edge> edges = new ArrayList<>();

    @AfterEach
    void stop() {
        edges.forEach(Edge::close);
        shield.close();
        scripted.close();
    }

    @Test
    void aHotObjectExpiringAtTwentyEdgesCostsTheOriginOneFetch() {
        for (int i = 0; i < EDGES; i++) {
            edges.add(Edge.start("edge-" + i, shield.uri(), clock));
        }
        scripted.serve("/hot.css", "v1", "Cache-Control", "s-maxage=60");
        for (Edge edge : edges) {
            Http.get(edge.uri(), "/hot.css");
        }
        assertThat(scripted.fetches("/hot.css")).as("origin fetches to warm %d edges through the shield", EDGES).isEqualTo(1);

        scripted.serve("/hot.css", "v2", "Cache-Control", "s-maxage=60");
        clock.advance(Duration.ofSeconds(61)); // expired everywhere at once
        scripted.hold();
        long shieldRequestsBefore = shield.requests();
        Thread release = new Thread(() -> {
            // release the origin once every edge's miss has reached the shield
            await().atMost(Duration.ofSeconds(5)).until(() -> shield.requests() - shieldRequestsBefore >= EDGES);
            scripted.release();
        });
        release.start();
        List<Concurrently.Outcome<HttpResponse<String>>> outcomes =
                Concurrently.run(EDGES, Duration.ofSeconds(8), caller -> Http.get(edges.get(caller).uri(), "/hot.css"));
        scripted.release();

        assertThat(Concurrently.values(outcomes)).as("answers to one client at each of %d edges", EDGES).hasSize(EDGES)
                .allSatisfy(response -> assertThat(response.body()).as("body after the expiry").isEqualTo("v2"));
        assertThat(scripted.fetches("/hot.css") - 1).as("origin fetches when the object expired at %d edges at once: "
                + "the shield must collapse the edges' misses into one fetch (request collapsing)", EDGES).isEqualTo(1);
        assertThat(shield.requests() - shieldRequestsBefore).as("requests the shield received from %d edges: one each; "
                + "more means some edges got no answer from the shield and their HTTP client sent the request again "
                + "(every waiting request must get the copy the one fetch stored)", EDGES).isEqualTo(EDGES);
    }
}
