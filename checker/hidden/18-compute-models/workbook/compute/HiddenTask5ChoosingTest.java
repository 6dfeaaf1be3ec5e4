package workbook.compute;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@Task(5)
class HiddenTask5ChoosingTest {
    static final ComputeAdvisor ADVISOR = new ComputeAdvisor(Duration.ofMillis(390));

    @Test
    void exactlyTwentyNineSecondsStillFitsTheGateway() {
        Workload export = Workload.api("export", Workload.steady(0.001), Duration.ofSeconds(29), Duration.ofSeconds(1), 512, Duration.ofSeconds(40));
        Recommendation advice = ADVISOR.recommend(export);
        assertThat(advice.reasons()).as("reasons for a 29 s synchronous request (%s)", advice).containsExactly(Reason.CHEAPEST);
        assertThat(advice.model()).as("model").isEqualTo(Model.FUNCTION);
    }

    @Test
    void aLongBatchJobFromAQueueIsOverTheFunctionLimit() {
        Workload batch = new Workload("nightly batch", Workload.steady(0.0005), Duration.ofMinutes(20), Duration.ofMinutes(20), 2048,
                Duration.ofHours(1), false, false, false);
        Recommendation advice = ADVISOR.recommend(batch);
        assertThat(advice.reasons()).as("reasons for a 20-minute job from a queue (%s)", advice)
                .containsExactly(Reason.LONGER_THAN_FUNCTION_LIMIT, Reason.CHEAPEST);
        assertThat(advice.model()).as("model").isEqualTo(Model.CONTAINER);
        Workload syncLong = Workload.api("sync long", Workload.steady(0.0005), Duration.ofMinutes(20), Duration.ofMinutes(1), 128, Duration.ofHours(1));
        assertThat(ADVISOR.recommend(syncLong).reasons()).as("reasons for a 20-minute synchronous request")
                .containsExactly(Reason.LONGER_THAN_GATEWAY_LIMIT, Reason.LONGER_THAN_FUNCTION_LIMIT, Reason.CHEAPEST);
    }

    @Test
    void moreMemoryThanAFunctionMayHave() {
        Workload big = Workload.api("big", Workload.steady(0.01), Duration.ofSeconds(1), Duration.ofMillis(500), 12_288, Duration.ofSeconds(5));
        Recommendation advice = ADVISOR.recommend(big);
        assertThat(advice.reasons()).as("reasons for 12 GB").containsExactly(Reason.MORE_MEMORY_THAN_A_FUNCTION, Reason.CHEAPEST);
        assertThat(advice.monthlyCost()).as("priced").containsOnlyKeys(Model.CONTAINER, Model.VM);
        Workload edge = Workload.api("edge", Workload.steady(0.01), Duration.ofSeconds(1), Duration.ofMillis(500), 10_240, Duration.ofSeconds(5));
        assertThat(ADVISOR.recommend(edge).reasons()).as("reasons for exactly 10,240 MB").containsExactly(Reason.CHEAPEST);
    }

    @Test
    void provisionedConcurrencyCoversTheBusiestHourAndTheBudgetEdge() {
        double[] rates = Workload.steady(2);
        rates[18] = 37;
        Workload spiky = Workload.api("spiky", rates, Duration.ofMillis(100), Duration.ofMillis(20), 1024, Duration.ofMillis(200));
        Recommendation advice = ADVISOR.recommend(spiky);
        assertThat(advice.reasons()).as("reasons (%s)", advice).containsExactly(Reason.COLD_STARTS_NEED_PROVISIONED_CONCURRENCY, Reason.CHEAPEST);
        assertThat(advice.monthlyCost().get(Model.FUNCTION)).as("functions with 4 instances provisioned (37 req/s x 100 ms = 3.7)")
                .isCloseTo(CostModel.functionMonthly(spiky) + CostModel.provisionedMonthly(4, 1024), within(1e-6));
        Workload justFits = Workload.api("fits", rates, Duration.ofMillis(100), Duration.ofMillis(20), 1024, Duration.ofMillis(490));
        assertThat(new ComputeAdvisor(Duration.ofMillis(390)).recommend(justFits).reasons())
                .as("reasons when 100 ms + a 390 ms cold start equals the 490 ms budget").containsExactly(Reason.CHEAPEST);
    }

    @Test
    void aBusyFeedApiWithALunchtimePeakGoesToContainers() {
        double[] rates = Workload.steady(500);
        rates[12] = 3000;
        rates[13] = 3000;
        Workload feed = Workload.api("feed", rates, Duration.ofMillis(40), Duration.ofMillis(4), 1024, Duration.ofSeconds(2));
        Recommendation advice = ADVISOR.recommend(feed);
        assertThat(advice.model()).as("model for 500 req/s with two hours at 3000 (%s): containers follow the hours "
                + "(4, then 20 for two hours), VMs are sized for the peak all day", advice).isEqualTo(Model.CONTAINER);
        assertThat(advice.reasons()).as("reasons").containsExactly(Reason.CHEAPEST);
    }

    @Test
    void exactlyFifteenMinutesStillFitsAFunction() {
        Workload job = new Workload("quarter-hour job", Workload.steady(0.0005), Duration.ofMinutes(15), Duration.ofMinutes(15), 2048,
                Duration.ofHours(1), false, false, false);
        Recommendation advice = ADVISOR.recommend(job);
        assertThat(advice.reasons()).as("reasons for a job from a queue that runs exactly 15 minutes, the function limit (%s)", advice)
                .doesNotContain(Reason.LONGER_THAN_FUNCTION_LIMIT);
        assertThat(advice.monthlyCost()).as("priced").containsKey(Model.FUNCTION);
    }
}
