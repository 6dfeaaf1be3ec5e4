package workbook.retries;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import static org.assertj.core.api.Assertions.assertThat;

/** Hidden cases for Task 3: other percentages and savings, exactly. */
@Task(3)
class HiddenTask3RetryBudgetTest {

    @Test
    void aQuarterOfTheRequests() {
        RetryBudget budget = new RetryBudget(25, 1);
        assertThat(budget.tryRetry()).as("the one saved retry").isTrue();
        int granted = 0;
        for (int i = 0; i < 40; i++) {
            budget.recordRequest();
            granted += budget.tryRetry() ? 1 : 0;
        }
        assertThat(granted).as("retries for 40 requests at 25%, each followed by a retry attempt").isEqualTo(10);
        assertThat(budget.tryRetry()).as("nothing left").isFalse();
    }

    @Test
    void thirtyPercentKeepsTheFractions() {
        RetryBudget budget = new RetryBudget(30, 5);
        drain(budget);
        for (int i = 0; i < 10; i++) {
            budget.recordRequest();
        }
        assertThat(drain(budget)).as("retries after 10 requests at 30% (3.0 retries)").isEqualTo(3);
    }

    @Test
    void theSavingsLimitIsPerBudget() {
        RetryBudget small = new RetryBudget(50, 2);
        RetryBudget large = new RetryBudget(50, 7);
        assertThat(drain(small)).as("retries a fresh budget saving up to 2 grants").isEqualTo(2);
        assertThat(drain(large)).as("retries a fresh budget saving up to 7 grants").isEqualTo(7);
        for (int i = 0; i < 100; i++) {
            small.recordRequest();
        }
        assertThat(drain(small)).as("retries after 100 requests at 50% with at most 2 saved").isEqualTo(2);
    }

    /** Retries granted until the budget refuses (at most 1000: a budget that never refuses is no budget). */
    private static int drain(RetryBudget budget) {
        int granted = 0;
        while (granted < 1000 && budget.tryRetry()) {
            granted++;
        }
        return granted;
    }
}
