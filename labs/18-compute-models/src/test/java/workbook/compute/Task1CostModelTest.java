package workbook.compute;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@Task(1)
class Task1CostModelTest {
    static final double CENT = 0.005;

    @Test
    void theSteadyApiCostsSixTimesMoreAsFunctionsThanAsContainers() {
        Workload api = Workload.steadyApi();
        assertThat(CostModel.monthlyRequests(api)).as("requests a month at a steady 500 req/s: 500 x 3600 x 730")
                .isCloseTo(1_314_000_000, within(1.0));
        double functions = CostModel.functionMonthly(api);
        double containers = CostModel.containerMonthly(api);
        double vms = CostModel.vmMonthly(api);
        System.out.printf("[Task 1] steady API, 500 req/s: functions $%.2f, containers $%.2f, VMs $%.2f a month%n", functions, containers, vms);
        assertThat(functions).as("functions a month for 1.314 billion requests of 20 ms at 512 MB: $0.20 per million "
                + "requests plus 0.01 GB-s each at $0.0000166667").isCloseTo(481.80, within(CENT));
        assertThat(containers).as("containers a month for 500 req/s x 2 ms CPU = 1 busy vCPU: at 60%% utilisation that "
                + "is 2 containers (1 vCPU, 2 GB) every hour, 730 hours at $0.04937").isCloseTo(72.08, within(CENT));
        assertThat(vms).as("VMs a month: 2 m6i.large (the always-on minimum) for 730 hours at $0.096").isCloseTo(140.16, within(CENT));
    }

    @Test
    void thumbnailsFollowTheirDayAndCostLessAsFunctions() {
        Workload thumbnails = Workload.thumbnails();
        assertThat(CostModel.monthlyRequests(thumbnails)).as("thumbnails a month: 78,310 a day x 730/24 days")
                .isCloseTo(2_381_929, within(1.0));
        assertThat(CostModel.functionMonthly(thumbnails)).as("functions a month for the thumbnails: 3.5 s at 1 GB each")
                .isCloseTo(139.42, within(CENT));
        assertThat(CostModel.containerMonthly(thumbnails)).as("containers a month for the thumbnails, counted hour by hour: "
                + "a night hour needs the minimum of 2, the 10,000-an-hour peak needs 17").isCloseTo(228.25, within(CENT));
        assertThat(CostModel.vmMonthly(thumbnails)).as("VMs a month for the thumbnails: sized for the peak (9.7 vCPU busy, "
                + "8 m6i.large at 60%%) all month").isCloseTo(630.72, within(CENT));
    }

    @Test
    void containersAreCountedHourByHourAndVmsForTheBusiestHour() {
        double[] rates = new double[24];
        rates[9] = 900;
        Workload oneBusyHour = Workload.api("one busy hour", rates, Duration.ofMillis(10), Duration.ofMillis(3), 256, Duration.ofMillis(100));
        double containerHour = 0.04048 + 2 * 0.004445;
        assertThat(CostModel.containerMonthly(oneBusyHour)).as("containers for a day that is idle except one hour at 900 req/s "
                        + "x 3 ms CPU (2.7 vCPU busy, 5 containers at 60%%): 23 hours x 2 + 1 hour x 5 = 51 container-hours a day")
                .isCloseTo(51 * 730 / 24.0 * containerHour, within(CENT));
        assertThat(CostModel.vmMonthly(oneBusyHour)).as("VMs for the same day: 2.7 vCPU busy at the peak needs 3 m6i.large (2 vCPU "
                + "at 60%%), all month").isCloseTo(3 * 730 * 0.096, within(CENT));
        assertThat(CostModel.monthly(Model.CONTAINER, oneBusyHour)).as("monthly(CONTAINER, ...)").isEqualTo(CostModel.containerMonthly(oneBusyHour));
        assertThat(CostModel.monthly(Model.VM, oneBusyHour)).as("monthly(VM, ...)").isEqualTo(CostModel.vmMonthly(oneBusyHour));
        assertThat(CostModel.monthly(Model.FUNCTION, oneBusyHour)).as("monthly(FUNCTION, ...)").isEqualTo(CostModel.functionMonthly(oneBusyHour));
    }

    @Test
    void aGpuWorkloadIsPricedOnGpuMachines() {
        assertThat(CostModel.vmMonthly(Workload.gpuModel())).as("VMs for the GPU model: 50 req/s x 10 ms CPU is 0.5 vCPU, so the "
                + "minimum of 2 g4dn.xlarge at $0.526 an hour").isCloseTo(2 * 730 * 0.526, within(CENT));
    }

    @Test
    void functionsCostMoreThanContainersFromSeventyFiveRequestsASecond() {
        int crossover = CostModel.crossoverRate(Duration.ofMillis(20), Duration.ofMillis(2), 512, 100_000);
        System.out.println("[Task 1] functions cost more than containers from " + crossover + " req/s (20 ms, 2 ms CPU, 512 MB)");
        assertThat(crossover).as("the first steady rate (req/s) at which functions cost more a month than containers, for the "
                + "steady API's requests: at 74 req/s functions cost $71.31, at 75 $72.27, and 2 containers cost $72.08")
                .isEqualTo(75);
        assertThat(CostModel.crossoverRate(Duration.ofMillis(20), Duration.ofMillis(20), 128, 200)).as("crossover for requests "
                + "that are all CPU at 128 MB, searched up to 200 req/s: containers must add one per 30 req/s and functions "
                + "never cost more, so the answer is -1").isEqualTo(-1);
    }
}
