package workbook.deploy;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import static org.assertj.core.api.Assertions.assertThat;

/** Hidden cases for Task 2: other parameters, the baseline minimum, sticky verdicts, the router's bookkeeping. */
@Task(2)
class HiddenTask2CanaryTest {

    @Test
    void nothingIsDecidedBeforeTheBaselineMinimum() {
        CanaryJudge judge = new CanaryJudge(0.01, 0.05, 2.0);
        for (int i = 0; i < 99; i++) {
            judge.recordBaseline(false);
        }
        for (int i = 0; i < 50; i++) {
            judge.recordCanary(true);
        }
        assertThat(judge.verdict()).as("50 canary failures, 99 baseline requests").isEqualTo(Verdict.CONTINUE);
        judge.recordBaseline(false);
        assertThat(judge.verdict()).as("50 canary failures, 100 baseline requests").isEqualTo(Verdict.ROLL_BACK);
    }

    @Test
    void otherErrorRatesAndFactors() {
        CanaryJudge failing = new CanaryJudge(0.05, 0.10, 3.0);
        warm(failing, 2000, 20);
        failing.recordCanary(true);
        failing.recordCanary(true);
        assertThat(failing.verdict()).as("2 failures, factor 3, alpha 5%%").isEqualTo(Verdict.CONTINUE);
        failing.recordCanary(true);
        assertThat(failing.verdict()).as("3 failures, factor 3, alpha 5%%").isEqualTo(Verdict.ROLL_BACK);

        CanaryJudge passing = new CanaryJudge(0.05, 0.10, 3.0);
        warm(passing, 2000, 20);
        for (int i = 0; i < 105; i++) {
            passing.recordCanary(false);
        }
        assertThat(passing.verdict()).as("105 good canary requests, factor 3, beta 10%%").isEqualTo(Verdict.CONTINUE);
        passing.recordCanary(false);
        assertThat(passing.verdict()).as("106 good canary requests").isEqualTo(Verdict.PROMOTE);
    }

    @Test
    void aBaselineWithManyErrorsStillGivesAProbability() {
        CanaryJudge judge = new CanaryJudge(0.01, 0.05, 2.0);
        warm(judge, 100, 60);
        for (int i = 0; i < 15; i++) {
            judge.recordCanary(true);
        }
        assertThat(judge.verdict()).as("15 failures against a 60%% baseline (p1 capped at 0.80)").isEqualTo(Verdict.CONTINUE);
        judge.recordCanary(true);
        assertThat(judge.verdict()).as("16 failures against a 60%% baseline").isEqualTo(Verdict.ROLL_BACK);
    }

    @Test
    void evidenceExactlyOnTheLineDecides() {
        // alpha 0.25, beta 0.5: the upper line is ln(0.5 / 0.25) = ln 2, what one failure adds when p1 = 2 p0
        CanaryJudge judge = new CanaryJudge(0.25, 0.5, 2.0);
        warm(judge, 2000, 20);
        judge.recordCanary(true);
        assertThat(judge.verdict()).as("one failure: evidence ln 2, exactly the upper line").isEqualTo(Verdict.ROLL_BACK);
    }

    @Test
    void aVerdictStays() {
        CanaryJudge rolledBack = new CanaryJudge(0.01, 0.05, 2.0);
        warm(rolledBack, 2000, 20);
        for (int i = 0; i < 7; i++) {
            rolledBack.recordCanary(true);
        }
        assertThat(rolledBack.verdict()).isEqualTo(Verdict.ROLL_BACK);
        for (int i = 0; i < 5000; i++) {
            rolledBack.recordCanary(false);
        }
        assertThat(rolledBack.verdict()).as("after a rollback and 5,000 good requests").isEqualTo(Verdict.ROLL_BACK);

        CanaryJudge promoted = new CanaryJudge(0.01, 0.05, 2.0);
        warm(promoted, 2000, 20);
        for (int i = 0; i < 281; i++) {
            promoted.recordCanary(false);
        }
        assertThat(promoted.verdict()).isEqualTo(Verdict.PROMOTE);
        for (int i = 0; i < 50; i++) {
            promoted.recordCanary(true);
        }
        assertThat(promoted.verdict()).as("after a promotion and 50 failures").isEqualTo(Verdict.PROMOTE);
    }

    @Test
    void aPromotedCanaryKeepsItsUsersAndOnlyServerErrorsCount() {
        try (ServiceVersion baseline = ServiceVersion.start("blue", 0, 1);
             ServiceVersion canary = ServiceVersion.start("canary", 0, 2)) {
            CanaryJudge judge = new CanaryJudge(0.01, 0.05, 2.0);
            CanaryRouter router = new CanaryRouter(baseline, canary, 12.5, judge);
            int canaryUsers = 0;
            for (int u = 0; u < 4000; u++) {
                String user = "user-" + u;
                ServiceVersion version = router.begin(user);
                boolean expected = Buckets.inFirst(12.5, CanaryRouter.SALT, user);
                assertThat(version).as("version for %s at 12.5%%", user).isSameAs(expected ? canary : baseline);
                canaryUsers += expected ? 1 : 0;
                // the baseline fails a fifth of its requests, the canary answers 404s (the user's mistake)
                router.end(version, version == canary ? 404 : (u % 5 == 0 ? 500 : 200));
            }
            assertThat(canaryUsers).isGreaterThan(300);
            assertThat(judge.verdict()).as("a canary that only answered 404s against a failing baseline")
                    .isEqualTo(Verdict.PROMOTE);
            assertThat(router.rolledBack()).as("rolled back after a PROMOTE verdict").isFalse();
            assertThat(router.begin("user-" + firstCanaryUser())).as("a canary user after the promotion").isSameAs(canary);
        }
    }

    static int firstCanaryUser() {
        int u = 0;
        while (!Buckets.inFirst(12.5, CanaryRouter.SALT, "user-" + u)) {
            u++;
        }
        return u;
    }

    static void warm(CanaryJudge judge, int requests, int errors) {
        for (int i = 0; i < requests; i++) {
            judge.recordBaseline(i < errors);
        }
    }
}
