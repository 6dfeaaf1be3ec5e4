package workbook.scaling;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The course's assignment (source 003, session 2.1): PostgreSQL at 80% CPU at peak, growing 10% a
 * month. This lab assumes 60% of that load is reads and calls 90% critical; the bill is $1,000.
 */
@Task(1)
class Task1RunwayTest {
    static CapacityModel course() {
        return new CapacityModel(0.80, 0.10, 0.60, 0.90, 1_000);
    }

    @Test
    void doingNothingLastsTwoMonths() {
        assertThat(course().utilization(Option.stayAsIs(), 0)).as("utilization today").isCloseTo(0.80, within(1e-9));
        assertThat(course().utilization(Option.stayAsIs(), 1)).as("utilization after one month of 10% growth: 0.8 x 1.1")
                .isCloseTo(0.88, within(1e-9));
        assertThat(course().monthsUntilCritical(Option.stayAsIs())).as("months until today's server reaches 90% "
                + "(0.8 x 1.1^2 = 0.968): growth compounds, the runway is short").hasValue(2);
    }

    @Test
    void verticalDoublesTheCoresForThreeTimesTheBill() {
        Option vertical = Option.vertical(2);
        assertThat(course().monthlyCost(vertical)).as("monthly cost of a server with 2x the cores: the course's 3x the bill, "
                + "vertical cost is superlinear").isCloseTo(3_000, within(0.01));
        assertThat(course().monthsUntilCritical(vertical)).as("months until the 2x server reaches 90% (0.4 x 1.1^9 = 0.94)")
                .hasValue(9);
        assertThat(course().utilization(vertical, 7)).as("utilization of the 2x server at month 7 (0.4 x 1.1^7)")
                .isCloseTo(0.78, within(0.01));
    }

    @Test
    void verticalCostKeepsClimbingFasterThanTheCores() {
        assertThat(course().monthlyCost(Option.vertical(4))).as("monthly cost of 4x the cores: 2x twice, so 3 x 3 = 9x the bill")
                .isCloseTo(9_000, within(0.01));
    }

    @Test
    void oneReplicaTakesTheReadsForTwiceTheBill() {
        Option horizontal = Option.horizontal(1);
        assertThat(course().monthlyCost(horizontal)).as("monthly cost of the primary plus one replica of the same size: 2x the bill")
                .isCloseTo(2_000, within(0.01));
        assertThat(course().utilization(horizontal, 0)).as("busiest server today with one replica: the replica carries the 60% "
                + "read share, 0.8 x 0.6 = 0.48").isCloseTo(0.48, within(1e-9));
        assertThat(course().monthsUntilCritical(horizontal)).as("months until the replica reaches 90% (0.48 x 1.1^7 = 0.935): "
                + "month 7 is when one replica is no longer enough").hasValue(7);
    }

    @Test
    void horizontalCostIsLinear() {
        assertThat(course().monthlyCost(Option.horizontal(3))).as("monthly cost of the primary plus 3 replicas: 4 servers, 4x the bill")
                .isCloseTo(4_000, within(0.01));
    }

    @Test
    void replicasCannotTakeTheWritesOffThePrimary() {
        Option manyReplicas = Option.horizontal(10);
        assertThat(course().monthsUntilCritical(manyReplicas)).as("months until critical with 10 replicas: the primary still "
                + "carries the 40% write share (0.32 x 1.1^11 = 0.91), so replicas alone stop helping at month 11").hasValue(11);
    }

    @Test
    void diagonalScalesThePrimaryUpAndTheReadsOut() {
        Option diagonal = Option.diagonal(2, 2, 1);
        assertThat(course().monthlyCost(diagonal)).as("monthly cost of a 2x primary (3x) plus two replicas of today's size (1x each)")
                .isCloseTo(5_000, within(0.01));
        assertThat(course().monthsUntilCritical(diagonal)).as("months until critical with a 2x primary and 2 replicas "
                + "(replicas at 0.24 x 1.1^14 = 0.91)").hasValue(14);
        assertThat(course().utilization(diagonal, 7)).as("busiest server at month 7 with the diagonal option (0.24 x 1.1^7)")
                .isCloseTo(0.47, within(0.01));
    }

    @Test
    void replicasOfTwoCoresCostThreeBillsEach() {
        Option diagonal = Option.diagonal(4, 1, 2);
        assertThat(course().monthlyCost(diagonal)).as("monthly cost of a 4x primary (9x the bill) plus one replica with 2x "
                + "the cores (3x the bill): a bigger replica is priced like any bigger server, superlinearly").isCloseTo(12_000, within(0.01));
    }

    @Test
    void theEdgesOfEveryRangeAreAccepted() {
        CapacityModel allWrites = new CapacityModel(0.80, 0.10, 0.0, 0.90, 1_000);
        assertThat(allWrites.utilization(Option.horizontal(2), 0)).as("busiest server with a read share of 0 (every query a "
                + "write) and 2 replicas: the primary carries everything, 0.8").isCloseTo(0.80, within(1e-9));
        CapacityModel allReads = new CapacityModel(0.80, 0.10, 1.0, 0.90, 1_000);
        assertThat(allReads.utilization(Option.horizontal(2), 0)).as("busiest server with a read share of 1 (every query a "
                + "read) and 2 replicas: each replica carries half, 0.4").isCloseTo(0.40, within(1e-9));
        CapacityModel fullyBusy = new CapacityModel(0.80, 0.10, 0.60, 1.0, 1_000);
        assertThat(fullyBusy.monthsUntilCritical(Option.stayAsIs())).as("months until today's server reaches a critical "
                + "utilization of 100%% (0.8 x 1.1^3 = 1.06)").hasValue(3);
    }

    @Test
    void noGrowthNeverReachesTheThreshold() {
        CapacityModel flat = new CapacityModel(0.50, 0.0, 0.60, 0.90, 1_000);
        assertThat(flat.monthsUntilCritical(Option.stayAsIs())).as("months until critical for a load that does not grow: never")
                .isEmpty();
    }

    @Test
    void badInputsGiveClearErrors() {
        assertThatThrownBy(() -> new CapacityModel(0.80, -0.10, 0.60, 0.90, 1_000))
                .as("a negative monthly growth").isInstanceOf(IllegalArgumentException.class).hasMessageContaining("growth");
        assertThatThrownBy(() -> new CapacityModel(0, 0.10, 0.60, 0.90, 1_000))
                .as("a peak utilization of 0").isInstanceOf(IllegalArgumentException.class).hasMessageContaining("utilization");
        assertThatThrownBy(() -> new CapacityModel(0.80, 0.10, 1.5, 0.90, 1_000))
                .as("a read share above 1").isInstanceOf(IllegalArgumentException.class).hasMessageContaining("read share");
        assertThatThrownBy(() -> course().monthsUntilCritical(Option.vertical(0)))
                .as("a server with zero capacity").isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cores");
        assertThatThrownBy(() -> course().monthlyCost(new Option("replicas of nothing", 1, 2, 0)))
                .as("replicas with zero capacity").isInstanceOf(IllegalArgumentException.class).hasMessageContaining("replica");
    }

    @Test
    void everyOtherBadInputIsRefusedToo() {
        assertThatThrownBy(() -> new CapacityModel(0.80, 0.10, 0.60, 0, 1_000))
                .as("a critical utilization of 0").isInstanceOf(IllegalArgumentException.class).hasMessageContaining("critical");
        assertThatThrownBy(() -> new CapacityModel(0.80, 0.10, 0.60, 1.01, 1_000))
                .as("a critical utilization above 1").isInstanceOf(IllegalArgumentException.class).hasMessageContaining("critical");
        assertThatThrownBy(() -> new CapacityModel(0.80, 0.10, 0.60, 0.90, 0))
                .as("a monthly bill of 0").isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bill");
        assertThatThrownBy(() -> course().utilization(Option.stayAsIs(), -1))
                .as("month -1").isInstanceOf(IllegalArgumentException.class).hasMessageContaining("month");
        assertThatThrownBy(() -> course().monthlyCost(null))
                .as("no option at all").isInstanceOf(IllegalArgumentException.class).hasMessageContaining("option");
        assertThatThrownBy(() -> course().monthsUntilCritical(new Option("minus one replica", 1, -1, 1)))
                .as("a negative number of replicas").isInstanceOf(IllegalArgumentException.class).hasMessageContaining("replicas");
    }
}
