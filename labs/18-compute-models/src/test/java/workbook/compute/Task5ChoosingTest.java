package workbook.compute;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@Task(5)
class Task5ChoosingTest {
    /** Task 2's p99 with no provisioned concurrency: what a slow cold start looks like. */
    static final ComputeAdvisor ADVISOR = new ComputeAdvisor(Duration.ofMillis(390));

    @Test
    void theSteadyApiGoesToContainers() {
        Recommendation advice = ADVISOR.recommend(Workload.steadyApi());
        System.out.println("[Task 5] steady API: " + advice);
        assertThat(advice.model()).as("model for the steady API (%s)", advice).isEqualTo(Model.CONTAINER);
        assertThat(advice.reasons()).as("reasons for the steady API: a 390 ms cold start + 20 ms breaks its 50 ms p99, so "
                + "functions need provisioned concurrency; then the cheapest left")
                .containsExactly(Reason.COLD_STARTS_NEED_PROVISIONED_CONCURRENCY, Reason.CHEAPEST);
        assertThat(advice.monthlyCost().get(Model.FUNCTION)).as("functions for the steady API, a month, with 10 instances "
                + "of 512 MB provisioned (500 req/s x 20 ms busy at once): $481.80 + $54.75").isCloseTo(536.55, within(0.01));
        assertThat(advice.monthlyCost().get(Model.CONTAINER)).as("containers for the steady API").isCloseTo(72.08, within(0.01));
        assertThat(advice.monthlyCost().get(Model.VM)).as("VMs for the steady API").isCloseTo(140.16, within(0.01));
    }

    @Test
    void thumbnailsGoToFunctions() {
        Recommendation advice = ADVISOR.recommend(Workload.thumbnails());
        System.out.println("[Task 5] thumbnails: " + advice);
        assertThat(advice.model()).as("model for the thumbnails (%s)", advice).isEqualTo(Model.FUNCTION);
        assertThat(advice.reasons()).as("reasons for the thumbnails: no limit applies, a cold start is nothing against "
                + "a 60 s budget, and functions are cheapest").containsExactly(Reason.CHEAPEST);
        assertThat(advice.monthlyCost()).as("models priced for the thumbnails").containsOnlyKeys(Model.FUNCTION, Model.CONTAINER, Model.VM);
        assertThat(advice.monthlyCost().get(Model.FUNCTION)).as("functions for the thumbnails, no provisioned concurrency")
                .isCloseTo(139.42, within(0.01));
    }

    @Test
    void theGpuModelGoesToVms() {
        Recommendation advice = ADVISOR.recommend(Workload.gpuModel());
        System.out.println("[Task 5] GPU model: " + advice);
        assertThat(advice.model()).as("model for the GPU model (%s)", advice).isEqualTo(Model.VM);
        assertThat(advice.reasons()).as("reasons for the GPU model, in the order the rules are checked")
                .containsExactly(Reason.NEEDS_GPU, Reason.HEAVY_SHARED_STATE, Reason.CHEAPEST);
        assertThat(advice.monthlyCost()).as("models priced for the GPU model: only VMs are left").containsOnlyKeys(Model.VM);
    }

    @Test
    void aWebhookReceiverGoesToFunctions() {
        Workload webhooks = Workload.api("webhook receiver", Workload.steady(0.05), Duration.ofMillis(200), Duration.ofMillis(5),
                256, Duration.ofSeconds(2));
        Recommendation advice = ADVISOR.recommend(webhooks);
        assertThat(advice.model()).as("model for a webhook receiver at 3 calls a minute (%s): a few cents as functions against "
                + "two always-on containers", advice).isEqualTo(Model.FUNCTION);
        assertThat(advice.reasons()).as("reasons for the webhook receiver").containsExactly(Reason.CHEAPEST);
    }

    @Test
    void aSlowSynchronousReportCannotBeAFunction() {
        Workload reports = Workload.api("PDF report", Workload.steady(0.01), Duration.ofSeconds(45), Duration.ofSeconds(40),
                2048, Duration.ofSeconds(60));
        Recommendation advice = ADVISOR.recommend(reports);
        assertThat(advice.model()).as("model for a 45 s synchronous report (%s)", advice).isEqualTo(Model.CONTAINER);
        assertThat(advice.reasons()).as("reasons for the 45 s report: over the gateway's 29 s")
                .containsExactly(Reason.LONGER_THAN_GATEWAY_LIMIT, Reason.CHEAPEST);
        assertThat(advice.monthlyCost()).as("models priced for the report").containsOnlyKeys(Model.CONTAINER, Model.VM);
    }
}
