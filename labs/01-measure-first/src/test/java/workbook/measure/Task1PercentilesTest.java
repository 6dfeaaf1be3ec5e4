package workbook.measure;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;
import static workbook.measure.Recorded.MS;
import static workbook.measure.Recorded.SECOND;
import static workbook.measure.Recorded.histogram;
import static workbook.measure.Recorded.ms;
import static workbook.measure.Recorded.reported;

@Task(1)
class Task1PercentilesTest {

    @Test
    void aMeanOf100MillisecondsHidesUsersWhoWait30Seconds() {
        // 10,000 requests: 9,980 take 40 ms and 20 (0.2%) take 30 s.
        LatencyReport report = Latencies.report(histogram(40 * MS, 9_980, 30 * SECOND, 20));

        assertThat(report.count()).as("requests counted").isEqualTo(10_000);
        assertThat(report.mean()).as("the mean of 9,980 x 40 ms and 20 x 30 s: it reads like a healthy 100 ms")
                .isCloseTo(99_920, withinPercentage(0.1));
        assertThat(report.p50()).as("p50, the typical request").isEqualTo(reported(40 * MS));
        assertThat(report.p99()).as("p99: 99%% of the requests took 40 ms, so even the p99 (%s) hides the 30 s wait",
                ms(reported(40 * MS))).isEqualTo(reported(40 * MS));
        assertThat(report.p999()).as("p99.9: 1 request in 500 waited 30 s, and p99.9 is the first percentile to show it")
                .isEqualTo(reported(30 * SECOND));
        assertThat(report.max()).as("max").isEqualTo(reported(30 * SECOND));
    }

    @Test
    void eachPercentileIsReadAtItsOwnRank() {
        // 1,000 requests with a different latency at each rank the report shows.
        LatencyReport report = Latencies.report(histogram(1 * MS, 500, 2 * MS, 400, 5 * MS, 90, 20 * MS, 9, 100 * MS, 1));

        assertThat(report.count()).as("requests counted").isEqualTo(1_000);
        assertThat(report.p50()).as("p50: the 500th of 1,000 requests took 1 ms").isEqualTo(reported(1 * MS));
        assertThat(report.p90()).as("p90: the 900th took 2 ms").isEqualTo(reported(2 * MS));
        assertThat(report.p99()).as("p99: the 990th took 5 ms").isEqualTo(reported(5 * MS));
        assertThat(report.p999()).as("p99.9: the 999th took 20 ms").isEqualTo(reported(20 * MS));
        assertThat(report.max()).as("max: the slowest took 100 ms").isEqualTo(reported(100 * MS));
        assertThat(report.mean()).as("mean: (500 x 1 + 400 x 2 + 90 x 5 + 9 x 20 + 100) / 1,000 = 2.03 ms")
                .isCloseTo(2_030, withinPercentage(0.2));
    }

    @Test
    void serversAreCombinedByMergingTheirHistogramsNotByAveragingTheirPercentiles() {
        // Four servers with 2,500 requests each; one of them sends 125 of its requests (5%) to a slow replica.
        Histogram fast = histogram(10 * MS, 2_500);
        Histogram slow = histogram(10 * MS, 2_375, 2 * SECOND, 125);
        List<Histogram> fleet = List.of(fast, histogram(10 * MS, 2_500), histogram(10 * MS, 2_500), slow);
        double averagedP99 = (3 * Latencies.report(fast).p99() + Latencies.report(slow).p99()) / 4.0;

        LatencyReport combined = Latencies.combine(fleet);

        assertThat(combined.count()).as("requests of the four servers").isEqualTo(10_000);
        assertThat(combined.p99())
                .as("fleet p99: 125 of 10,000 requests (1.25%%) took 2 s, so the fleet's p99 is 2 s; averaging the four "
                        + "servers' p99s gives %s, a latency no request had. Merge the histograms, then read the percentile",
                        ms((long) averagedP99))
                .isEqualTo(reported(2 * SECOND));
        assertThat(combined.p90()).as("fleet p90").isEqualTo(reported(10 * MS));
        assertThat(combined.max()).as("fleet max").isEqualTo(reported(2 * SECOND));
        assertThat(combined.mean()).as("fleet mean: (9,875 x 10 ms + 125 x 2 s) / 10,000 = 34.875 ms")
                .isCloseTo(34_875, withinPercentage(0.2));
    }

    @Test
    void anEmptyHistogramIsAnError() {
        assertThatThrownBy(() -> Latencies.report(Histograms.create()))
                .as("a report of zero requests: a load test that sent nothing must not look like a fast server")
                .isInstanceOf(IllegalArgumentException.class);
    }
}
