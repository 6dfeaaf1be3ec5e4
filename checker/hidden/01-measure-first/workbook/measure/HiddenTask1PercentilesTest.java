package workbook.measure;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static workbook.measure.Recorded.MS;
import static workbook.measure.Recorded.SECOND;
import static workbook.measure.Recorded.histogram;
import static workbook.measure.Recorded.reported;

@Task(1)
class HiddenTask1PercentilesTest {

    @Test
    void combiningLeavesEachServersHistogramAsItWas() {
        Histogram first = histogram(10 * MS, 990, 3 * SECOND, 10);
        Histogram second = histogram(20 * MS, 500);
        Latencies.combine(List.of(first, second));
        Latencies.combine(List.of(first, second));

        assertThat(first.getTotalCount()).as("requests in the first server's histogram after two combines").isEqualTo(1_000);
        assertThat(first.getMaxValue()).as("the first server's max after two combines").isEqualTo(reported(3 * SECOND));
        assertThat(second.getTotalCount()).as("requests in the second server's histogram after two combines").isEqualTo(500);
    }

    @Test
    void theFleetReportCountsEveryServerOnce() {
        Histogram first = histogram(10 * MS, 990, 3 * SECOND, 10);
        Histogram second = histogram(20 * MS, 500);

        LatencyReport fleet = Latencies.combine(List.of(first, second));

        assertThat(fleet.count()).as("990 + 10 + 500 requests").isEqualTo(1_500);
        assertThat(fleet.p50()).as("fleet p50: the 750th of 1,500").isEqualTo(reported(10 * MS));
        assertThat(fleet.p90()).as("fleet p90: the 1,350th of 1,500").isEqualTo(reported(20 * MS));
        assertThat(fleet.p999()).as("fleet p99.9: 10 of 1,500 requests took 3 s").isEqualTo(reported(3 * SECOND));
    }

    @Test
    void aFleetOfOneServerReportsThatServer() {
        Histogram only = histogram(1 * MS, 500, 2 * MS, 400, 5 * MS, 90, 20 * MS, 9, 100 * MS, 1);
        assertThat(Latencies.combine(List.of(only))).isEqualTo(Latencies.report(only));
    }

    @Test
    void aFleetWithNoRequestsIsAnError() {
        assertThatThrownBy(() -> Latencies.combine(List.of(Histograms.create(), Histograms.create())))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
