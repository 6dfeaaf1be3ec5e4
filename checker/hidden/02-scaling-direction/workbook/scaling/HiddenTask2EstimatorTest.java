package workbook.scaling;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import static org.assertj.core.api.Assertions.assertThat;

/** The course's assignment (source 003, session 2.6): a Twitter-like service. */
@Task(2)
class HiddenTask2EstimatorTest {
    static final Workload TWEETS = new Workload(100_000_000, 2, 200, 280, 2, 3, 0.30, 5, 0.2);

    @Test
    void twitterLikeQps() {
        Estimate estimate = Estimator.estimate(TWEETS);
        assertThat(estimate.writeQps()).as("write QPS: 200 M tweets / 86,400 = 2,315").isEqualTo(2_300);
        assertThat(estimate.peakWriteQps()).as("peak write QPS at 2x: 4,630").isEqualTo(4_600);
        assertThat(estimate.readQps()).as("read QPS: 20 G reads / 86,400 = 231,481").isEqualTo(230_000);
        assertThat(estimate.peakReadQps()).as("peak read QPS at 2x: 462,963").isEqualTo(460_000);
    }

    @Test
    void twitterLikeStorageCountsReplicasMetadataAndYears() {
        Estimate estimate = Estimator.estimate(TWEETS);
        assertThat(estimate.storagePerDayBytes()).as("new text per day: 200 M x 280 bytes = 56 GB").isEqualTo(56e9);
        assertThat(estimate.replicatedPerYearBytes()).as("a year with 3 copies: 56 GB x 365 x 3 = 61 TB").isEqualTo(61e12);
        assertThat(estimate.totalStorageBytes()).as("5 years, 3 copies, 30% metadata: 56 GB x 365 x 5 x 3 x 1.3 = 399 TB")
                .isEqualTo(400e12);
    }

    @Test
    void aViralPeakUsesItsOwnMultiplier() {
        Workload viral = new Workload(100_000_000, 2, 200, 280, 10, 3, 0.30, 5, 0.2);
        assertThat(Estimator.estimate(viral).peakReadQps()).as("peak read QPS at 10x for a viral event").isEqualTo(2_300_000);
    }

    @Test
    void thePeakIsTheExactAverageTimesTheMultiplier() {
        // 1.25 writes/s (rounded: 1.3); at 3x the peak is 3.75, which rounds to 3.8 (3 x 1.3 = 3.9 would round the average twice).
        Workload small = new Workload(86_400, 1.25, 0, 1, 3, 1, 0, 1, 0);
        Estimate estimate = Estimator.estimate(small);
        assertThat(estimate.writeQps()).as("average write QPS, 1.25 rounded").isEqualTo(1.3);
        assertThat(estimate.peakWriteQps()).as("peak write QPS: 1.25 x 3 = 3.75, rounded once").isEqualTo(3.8);
    }
}
