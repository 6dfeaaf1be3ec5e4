package workbook.scaling;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The course's worked example (source 003, session 2.6): a photo service with 50 M daily users, each
 * uploading one 200 KB photo and viewing 50 a day; peak 2x; 3 copies; the hot 20% cached. Every
 * figure is rounded to two significant figures, so the tests compare exact rounded values.
 */
@Task(2)
class Task2EstimatorTest {
    static final Workload PHOTOS = new Workload(50_000_000, 1, 50, 200_000, 2, 3, 0.0, 1, 0.2);


    @Test
    void queriesPerSecond() {
        Estimate estimate = Estimator.estimate(PHOTOS);
        assertThat(estimate.writeQps()).as("write QPS: 50 M x 1 / 86,400 = 578.7, rounded to 2 significant figures").isEqualTo(580);
        assertThat(estimate.readQps()).as("read QPS: 50 M x 50 / 86,400 = 28,935, rounded").isEqualTo(29_000);
    }

    @Test
    void peakIsAverageTimesTheMultiplier() {
        Estimate estimate = Estimator.estimate(PHOTOS);
        assertThat(estimate.peakReadQps()).as("peak read QPS at 2x average").isEqualTo(58_000);
        assertThat(estimate.peakWriteQps()).as("peak write QPS at 2x average (1,157, rounded)").isEqualTo(1_200);
    }

    @Test
    void storagePerDayAndPerYear() {
        Estimate estimate = Estimator.estimate(PHOTOS);
        assertThat(estimate.storagePerDayBytes()).as("new bytes per day: 50 M photos x 200 KB = 10 TB").isEqualTo(10e12);
        assertThat(estimate.storagePerYearBytes()).as("new bytes per year, one copy: 10 TB x 365 = 3.65 PB, "
                + "which two significant figures write as 3.7 PB").isEqualTo(3.7e15);
        assertThat(estimate.replicatedPerYearBytes()).as("new bytes per year with 3 copies: about 11 PB").isEqualTo(11e15);
    }

    @Test
    void bandwidthInAndOut() {
        Estimate estimate = Estimator.estimate(PHOTOS);
        assertThat(estimate.ingressBytesPerSecond()).as("ingress bytes/s: 578.7 writes/s x 200 KB = 115.7 MB/s, rounded")
                .isEqualTo(120_000_000);
        assertThat(estimate.ingressMbps()).as("ingress in Mbps: 115.7 MB/s x 8 = 926 Mbps, rounded (the course writes 928, "
                + "from the already rounded 580 writes/s)").isEqualTo(930);
        assertThat(estimate.egressBytesPerSecond()).as("egress bytes/s: 28,935 reads/s x 200 KB = 5.8 GB/s").isEqualTo(5.8e9);
        assertThat(estimate.egressMbps()).as("egress in Mbps: 5.8 GB/s x 8 = 46 Gbps = 46,000 Mbps").isEqualTo(46_000);
    }

    @Test
    void cacheForTheHotFifthOfADaysReads() {
        Estimate estimate = Estimator.estimate(PHOTOS);
        assertThat(estimate.cacheBytes()).as("cache: 50 M x 50 views x 200 KB = 500 TB read a day, 20% of it hot")
                .isEqualTo(100e12);
    }

    @Test
    void roundingKeepsTwoSignificantFigures() {
        assertThat(Estimator.round(578.7037)).as("578.7 to two significant figures").isEqualTo(580);
        assertThat(Estimator.round(925_900)).as("925,900 to two significant figures").isEqualTo(930_000);
        assertThat(Estimator.round(0.0123)).as("0.0123 to two significant figures").isEqualTo(0.012);
    }

    @Test
    void badWorkloadsGiveClearErrors() {
        assertThatThrownBy(() -> Estimator.estimate(new Workload(0, 1, 50, 200_000, 2, 3, 0, 1, 0.2)))
                .as("zero daily users").isInstanceOf(IllegalArgumentException.class).hasMessageContaining("daily active users");
        assertThatThrownBy(() -> Estimator.estimate(new Workload(50_000_000, 1, 50, 200_000, 0.5, 3, 0, 1, 0.2)))
                .as("a peak below the average").isInstanceOf(IllegalArgumentException.class).hasMessageContaining("peak");
        assertThatThrownBy(() -> Estimator.estimate(new Workload(50_000_000, 1, 50, 200_000, 2, 0, 0, 1, 0.2)))
                .as("zero copies").isInstanceOf(IllegalArgumentException.class).hasMessageContaining("replication");
    }

    @Test
    void everyOtherBadWorkloadIsRefusedToo() {
        assertThatThrownBy(() -> Estimator.estimate(null))
                .as("no workload at all").isInstanceOf(IllegalArgumentException.class).hasMessageContaining("workload");
        assertThatThrownBy(() -> Estimator.estimate(new Workload(50_000_000, -1, 50, 200_000, 2, 3, 0, 1, 0.2)))
                .as("negative writes per user").isInstanceOf(IllegalArgumentException.class).hasMessageContaining("writes");
        assertThatThrownBy(() -> Estimator.estimate(new Workload(50_000_000, 1, -50, 200_000, 2, 3, 0, 1, 0.2)))
                .as("negative reads per user").isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reads");
        assertThatThrownBy(() -> Estimator.estimate(new Workload(50_000_000, 1, 50, 0, 2, 3, 0, 1, 0.2)))
                .as("objects of 0 bytes").isInstanceOf(IllegalArgumentException.class).hasMessageContaining("object");
        assertThatThrownBy(() -> Estimator.estimate(new Workload(50_000_000, 1, 50, 200_000, 2, 3, -0.1, 1, 0.2)))
                .as("a negative metadata overhead").isInstanceOf(IllegalArgumentException.class).hasMessageContaining("metadata");
        assertThatThrownBy(() -> Estimator.estimate(new Workload(50_000_000, 1, 50, 200_000, 2, 3, 0, 0, 0.2)))
                .as("0 years of retention").isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retention");
        assertThatThrownBy(() -> Estimator.estimate(new Workload(50_000_000, 1, 50, 200_000, 2, 3, 0, 1, -0.1)))
                .as("a negative cache ratio").isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cache");
        assertThatThrownBy(() -> Estimator.estimate(new Workload(50_000_000, 1, 50, 200_000, 2, 3, 0, 1, 1.1)))
                .as("a cache ratio above 1").isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cache");
    }

    @Test
    void theEdgesOfEveryRangeAreAccepted() {
        // A read-only archive: nothing written, one copy, a flat day (peak = average), all of a day's reads cached.
        Estimate readOnly = Estimator.estimate(new Workload(50_000_000, 0, 50, 200_000, 1, 1, 0, 1, 1.0));
        assertThat(readOnly.writeQps()).as("write QPS with 0 writes per user").isZero();
        assertThat(readOnly.totalStorageBytes()).as("storage kept with 0 writes per user").isZero();
        assertThat(readOnly.peakReadQps()).as("peak read QPS with a peak multiplier of 1: the average, 29,000").isEqualTo(29_000);
        assertThat(readOnly.cacheBytes()).as("cache with a cache ratio of 1: all 500 TB read in a day").isEqualTo(500e12);
        // A write-only log: nothing read, nothing cached.
        Estimate writeOnly = Estimator.estimate(new Workload(50_000_000, 1, 0, 200_000, 2, 1, 0, 1, 0));
        assertThat(writeOnly.readQps()).as("read QPS with 0 reads per user").isZero();
        assertThat(writeOnly.cacheBytes()).as("cache with a cache ratio of 0").isZero();
        assertThat(writeOnly.replicatedPerYearBytes()).as("a year with a replication factor of 1: one copy, 3.7 PB").isEqualTo(3.7e15);
    }
}
