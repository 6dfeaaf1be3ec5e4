package workbook.httpcache;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.MutableClock;
import workbook.labkit.testing.Task;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The course's bar (source 003, 2.10): a well-configured CDN serves 85% or more from the edge. */
@Task(7)
class Task7HitRatioTest {
    /** Requests before measuring: an edge starts empty, and the bar is about an edge in service. */
    static final int WARM_UP = 300;
    static final int MEASURED = 700;
    static final long SEED = 6;

    /** What one run of the workload measured. */
    record Run(int requests, int servedFromCache, long originFetches) {
        double hitRatio() {
            return (double) servedFromCache / requests;
        }
    }

    /** Replays the seeded workload at 100 requests/s of simulated time through one edge. */
    static Run replay(Function<Content, String> policy, int warmUp, int measured) {
        MutableClock clock = MutableClock.startingAtEpochMinute();
        try (Origin origin = Origin.start(clock, policy); Edge edge = Edge.start("edge", origin.uri(), clock)) {
            List<String> paths = Workload.shop(origin, warmUp + measured, SEED);
            int served = 0;
            long fetchesBefore = 0;
            for (int i = 0; i < paths.size(); i++) {
                if (i == warmUp) {
                    fetchesBefore = origin.fetches();
                }
                String status = Http.cacheStatus(Http.get(edge.uri(), paths.get(i)));
                if (i >= warmUp && (status.equals("HIT") || status.equals("STALE"))) {
                    served++;
                }
                clock.advance(Duration.ofMillis(10));
            }
            return new Run(measured, served, origin.fetches() - fetchesBefore);
        }
    }

    @Test
    void campaignLinksAndParameterOrderShareAKeyButDifferentQueriesDoNot() {
        String page = CacheKey.of(URI.create("/products/42"));
        assertThat(CacheKey.of(URI.create("/products/42?utm_source=mail&utm_campaign=spring"))).as("key of a campaign "
                + "link to /products/42: the origin ignores utm_* parameters, so it is the same page").isEqualTo(page);
        assertThat(CacheKey.of(URI.create("/search?page=2&q=boots"))).as("key of the same search with its parameters "
                + "in another order").isEqualTo(CacheKey.of(URI.create("/search?q=boots&page=2")));
        assertThat(CacheKey.of(URI.create("/search?q=boots&page=1"))).as("keys of page 1 and page 2 of a search: "
                + "one key would serve page 1 to whoever asks for page 2")
                .isNotEqualTo(CacheKey.of(URI.create("/search?q=boots&page=2")));
    }

    @Test
    void theRightHeadersServeAtLeast85PercentFromTheEdge() {
        Run run = replay(CachePolicy::cacheControl, WARM_UP, MEASURED);
        System.out.printf("hit ratio with the policy: %.3f (%d of %d, origin fetches %d)%n", run.hitRatio(), run.servedFromCache(), run.requests(), run.originFetches());
        assertThat(run.hitRatio()).as("hit ratio of %d Zipf requests after %d of warm-up (%d served from the edge, %d reached the origin). "
                + "Below 0.85 means too many distinct cache keys (campaign parameters, parameter order: CacheKey), "
                + "TTLs too short, or headers that forbid caching", run.requests(), WARM_UP, run.servedFromCache(), run.originFetches())
                .isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void noHeadersMeanNothingIsServedFromTheEdge() {
        Run run = replay(content -> null, 0, 300);
        assertThat(run.servedFromCache()).as("responses served from the edge when the origin sends no Cache-Control: "
                + "a shared cache that guesses can keep a page it must not").isZero();
        assertThat(run.originFetches()).as("origin fetches for %d requests without headers", run.requests()).isEqualTo(run.requests());
    }
}
