package workbook.compute;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@Task(1)
class HiddenTask1CostModelTest {
    static final double CONTAINER_HOUR = 0.04048 + 2 * 0.004445;

    @Test
    void theCrossoverMovesWithDurationAndMemory() {
        assertThat(CostModel.crossoverRate(Duration.ofMillis(100), Duration.ofMillis(10), 1024, 100_000))
                .as("crossover for 100 ms, 10 ms CPU, 1 GB requests").isEqualTo(15);
        assertThat(CostModel.crossoverRate(Duration.ofMillis(20), Duration.ofMillis(2), 512, 74))
                .as("crossover searched only up to 74 req/s").isEqualTo(-1);
        assertThat(CostModel.crossoverRate(Duration.ofMillis(20), Duration.ofMillis(2), 512, 75))
                .as("crossover searched up to 75 req/s, the rate itself").isEqualTo(75);
    }

    @Test
    void aQuietDayStillPaysForTwoContainersAndTwoVms() {
        Workload idle = Workload.api("idle", Workload.steady(0), Duration.ofMillis(10), Duration.ofMillis(1), 128, Duration.ofSeconds(1));
        assertThat(CostModel.monthlyRequests(idle)).as("requests of an idle month").isZero();
        assertThat(CostModel.functionMonthly(idle)).as("functions for an idle month").isZero();
        assertThat(CostModel.containerMonthly(idle)).as("containers for an idle month: 2 always on").isCloseTo(2 * 730 * CONTAINER_HOUR, within(1e-6));
        assertThat(CostModel.vmMonthly(idle)).as("VMs for an idle month: 2 always on").isCloseTo(2 * 730 * 0.096, within(1e-6));
    }

    @Test
    void busyHoursAddContainersAndVmsFollowTheBusiestHour() {
        double[] rates = new double[24];
        rates[3] = 290;
        rates[15] = 110;
        Workload twoPeaks = Workload.api("two peaks", rates, Duration.ofMillis(50), Duration.ofMillis(40), 1024, Duration.ofSeconds(1));
        // hour 3: 11.6 vCPU busy -> 20 containers; hour 15: 4.4 -> 8; 22 other hours: 2 each.
        assertThat(CostModel.containerMonthly(twoPeaks)).as("containers for a day with two busy hours")
                .isCloseTo((20 + 8 + 22 * 2) * 730 / 24.0 * CONTAINER_HOUR, within(1e-6));
        // busiest hour 11.6 vCPU -> 10 m6i.large at 60% of 2 vCPU.
        assertThat(CostModel.vmMonthly(twoPeaks)).as("VMs sized for the busiest hour").isCloseTo(10 * 730 * 0.096, within(1e-6));
        double requests = (290 + 110) * 3600 * 730 / 24.0;
        assertThat(CostModel.monthlyRequests(twoPeaks)).as("requests for a day with two busy hours").isCloseTo(requests, within(1e-3));
        assertThat(CostModel.functionMonthly(twoPeaks)).as("functions for a day with two busy hours")
                .isCloseTo(requests * (0.2e-6 + 0.05 * 1.0 * 0.0000166667), within(1e-6));
        assertThat(CostModel.monthly(Model.FUNCTION, twoPeaks)).as("monthly(FUNCTION)").isEqualTo(CostModel.functionMonthly(twoPeaks));
    }
}
