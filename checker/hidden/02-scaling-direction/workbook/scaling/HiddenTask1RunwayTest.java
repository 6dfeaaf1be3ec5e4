package workbook.scaling;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

@Task(1)
class HiddenTask1RunwayTest {

    @Test
    void aServerAlreadyPastTheThresholdHasNoRunway() {
        CapacityModel hot = new CapacityModel(0.95, 0.10, 0.60, 0.90, 1_000);
        assertThat(hot.monthsUntilCritical(Option.stayAsIs())).as("months until critical for a server already at 95% with 90% critical")
                .hasValue(0);
    }

    @Test
    void biggerReplicasCostSuperlinearlyToo() {
        CapacityModel model = new CapacityModel(0.80, 0.10, 0.60, 0.90, 500);
        assertThat(model.monthlyCost(Option.diagonal(2, 1, 2))).as("a 2x primary and one 2x replica on a $500 bill: 2 x 3 x $500")
                .isCloseTo(3_000, within(0.01));
    }

    @Test
    void aWriteHeavyLoadGainsLittleFromReplicas() {
        CapacityModel writeHeavy = new CapacityModel(0.50, 0.05, 0.20, 0.90, 1_000);
        // primary keeps 80% of the load: 0.4 x 1.05^m >= 0.9 at m = 17 (1.05^17 = 2.29)
        assertThat(writeHeavy.monthsUntilCritical(Option.horizontal(4))).as("months until critical, 20% reads, 4 replicas").hasValue(17);
        assertThat(writeHeavy.utilization(Option.horizontal(4), 0)).as("busiest server today: the primary, 0.5 x 0.8")
                .isCloseTo(0.40, within(1e-9));
    }

    @Test
    void moreBadInputs() {
        assertThatThrownBy(() -> new CapacityModel(0.80, 0.10, 0.60, 0, 1_000)).as("a critical utilization of 0")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CapacityModel(0.80, 0.10, 0.60, 0.90, 0)).as("a bill of 0")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CapacityModel(0.80, 0.10, -0.1, 0.90, 1_000)).as("a negative read share")
                .isInstanceOf(IllegalArgumentException.class);
        CapacityModel model = new CapacityModel(0.80, 0.10, 0.60, 0.90, 1_000);
        assertThatThrownBy(() -> model.utilization(new Option("negative replicas", 1, -1, 1), 0)).as("negative replicas")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void replicasWithMoreCoresTakeMoreOfTheReads() {
        CapacityModel model = new CapacityModel(0.80, 0.10, 0.60, 0.90, 1_000);
        // Reads 0.48 over one replica with 2x the cores: 0.24; the 4x primary keeps 0.32 / 4 = 0.08.
        assertThat(model.utilization(Option.diagonal(4, 1, 2), 0)).as("busiest server with one 2x replica")
                .isCloseTo(0.24, within(1e-9));
        // Two replicas of 3x the cores: 0.48 / 6 = 0.08 each; the primary (1x) keeps 0.32.
        assertThat(model.utilization(Option.diagonal(1, 2, 3), 0)).as("busiest server with two 3x replicas: the primary")
                .isCloseTo(0.32, within(1e-9));
        assertThat(model.monthlyCost(Option.diagonal(1, 2, 3))).as("a 1x primary and two 3x replicas: 1 + 2 x 3^log2(3) bills")
                .isCloseTo(1_000 + 2 * 1_000 * Math.pow(3, Math.log(3) / Math.log(2)), within(0.01));
    }

    @Test
    void reachingTheThresholdExactlyCounts() {
        CapacityModel atTheLimit = new CapacityModel(0.90, 0.0, 0.60, 0.90, 1_000);
        assertThat(atTheLimit.monthsUntilCritical(Option.stayAsIs())).as("months until critical for a flat load at exactly "
                + "the critical 90%%: it has reached it today").hasValue(0);
    }

    @Test
    void theLastMonthOfTheHorizonIsSearched() {
        // 1.01^119 = 3.268 and 1.01^120 = 3.300: with a peak of 0.2736 the server reaches 90% in month 120, not before.
        CapacityModel slow = new CapacityModel(0.2736, 0.01, 0.60, 0.90, 1_000);
        assertThat(slow.monthsUntilCritical(Option.stayAsIs())).as("months until critical when the load crosses 90%% in month "
                + "%d, the last month of the horizon", CapacityModel.HORIZON_MONTHS).hasValue(CapacityModel.HORIZON_MONTHS);
    }
}
