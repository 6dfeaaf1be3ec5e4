package workbook.deploy;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

@Task(2)
class Task2CanaryTest {
    static final int TRIALS = 200;
    static final double BASELINE_ERRORS = 0.01;
    static final double CANARY_SHARE = 0.05;

    /** What one seeded trial ended with, and after how many canary requests. */
    record Outcome(Verdict verdict, long canaryRequests) {
    }

    static CanaryJudge judge() {
        return new CanaryJudge(0.01, 0.05, 2.0);
    }

    /** Requests at a 5% canary share until the judge decides or the canary has served 3,000 requests. */
    static Outcome trial(long seed, double canaryErrors) {
        Random random = new Random(seed);
        CanaryJudge judge = judge();
        Verdict verdict = Verdict.CONTINUE;
        while (verdict == Verdict.CONTINUE && judge.canaryRequests() < 3000) {
            if (random.nextDouble() < CANARY_SHARE) {
                judge.recordCanary(random.nextDouble() < canaryErrors);
            } else {
                judge.recordBaseline(random.nextDouble() < BASELINE_ERRORS);
            }
            verdict = judge.verdict();
        }
        return new Outcome(verdict, judge.canaryRequests());
    }

    static List<Outcome> trials(double canaryErrors) {
        List<Outcome> outcomes = new ArrayList<>();
        for (int t = 0; t < TRIALS; t++) {
            outcomes.add(trial(1000 + t, canaryErrors));
        }
        return outcomes;
    }

    @Test
    void aCanaryAsGoodAsTheBaselineIsRarelyRolledBack() {
        List<Outcome> outcomes = trials(BASELINE_ERRORS);
        long rolledBack = outcomes.stream().filter(o -> o.verdict() == Verdict.ROLL_BACK).count();
        long firstAt = outcomes.stream().filter(o -> o.verdict() == Verdict.ROLL_BACK)
                .mapToLong(Outcome::canaryRequests).min().orElse(0);
        System.out.printf("[Task 2] identical canary (1%% errors, like the baseline): rolled back in %d of %d trials%n",
                rolledBack, TRIALS);
        assertThat(rolledBack).as("seeded trials (of %d) in which a canary exactly as good as the baseline (1%% errors) "
                + "was rolled back; the quickest after %d canary requests. A rule that rolls back on the first "
                + "unlucky error has no evidence: it needs enough requests to tell 1%% from 2%%", TRIALS, firstAt)
                .isLessThanOrEqualTo(TRIALS / 20);
    }

    @Test
    void aCanaryWithFivePercentErrorsIsRolledBackWithin800CanaryRequests() {
        List<Outcome> outcomes = trials(0.05);
        long rolledBack = outcomes.stream().filter(o -> o.verdict() == Verdict.ROLL_BACK).count();
        long slowest = outcomes.stream().mapToLong(Outcome::canaryRequests).max().orElse(0);
        System.out.printf("[Task 2] bad canary (5%% errors): rolled back in %d of %d trials, at most %d canary requests%n",
                rolledBack, TRIALS, slowest);
        assertThat(rolledBack).as("seeded trials (of %d) in which a canary with 5%% errors (baseline 1%%) was rolled back",
                TRIALS).isEqualTo(TRIALS);
        assertThat(slowest).as("canary requests before the slowest of the %d rollbacks", TRIALS).isLessThanOrEqualTo(800);
    }

    @Test
    void theThresholdsAreWaldsBoundaries() {
        CanaryJudge failing = warmJudge();
        for (int i = 1; i <= 6; i++) {
            failing.recordCanary(true);
            assertThat(failing.verdict()).as("verdict after %d failed canary requests (baseline: 20 errors in 2,000): "
                    + "each adds ln 2 = 0.69 to the evidence, ln(0.95/0.01) = 4.55 is needed", i).isEqualTo(Verdict.CONTINUE);
        }
        failing.recordCanary(true);
        assertThat(failing.verdict()).as("verdict after 7 failed canary requests (evidence 4.85 >= 4.55)")
                .isEqualTo(Verdict.ROLL_BACK);
        assertThat(failing.canaryRequests()).as("canary requests counted").isEqualTo(7);

        CanaryJudge mixed = warmJudge();
        for (int i = 0; i < 20; i++) {
            mixed.recordCanary(false);
        }
        for (int i = 1; i <= 6; i++) {
            mixed.recordCanary(true);
        }
        assertThat(mixed.verdict()).as("verdict after 20 good then 6 failed canary requests: each success takes "
                + "0.0107 off the evidence (3.95 < 4.55)").isEqualTo(Verdict.CONTINUE);
        mixed.recordCanary(true);
        assertThat(mixed.verdict()).as("verdict after 20 good then 7 failed canary requests (4.64 >= 4.55)")
                .isEqualTo(Verdict.ROLL_BACK);
        assertThat(mixed.canaryRequests()).as("canary requests counted").isEqualTo(27);

        CanaryJudge passing = warmJudge();
        for (int i = 1; i <= 280; i++) {
            passing.recordCanary(false);
        }
        assertThat(passing.verdict()).as("verdict after 280 good canary requests: evidence -2.984, "
                + "ln(0.05/0.99) = -2.986 is needed to promote").isEqualTo(Verdict.CONTINUE);
        passing.recordCanary(false);
        assertThat(passing.verdict()).as("verdict after 281 good canary requests").isEqualTo(Verdict.PROMOTE);
    }

    /** A judge whose baseline has served 2,000 requests with 20 errors. */
    static CanaryJudge warmJudge() {
        CanaryJudge judge = judge();
        for (int i = 0; i < 2000; i++) {
            judge.recordBaseline(i % 100 == 0);
        }
        return judge;
    }

    @Test
    void aStableShareOfUsersReachesTheCanaryThroughTheBalancer() {
        try (ServiceVersion baseline = ServiceVersion.start("blue", 0, 1);
             ServiceVersion canary = ServiceVersion.start("canary", 0, 2)) {
            CanaryRouter router = new CanaryRouter(baseline, canary, 10, judge());
            try (LoadBalancer balancer = LoadBalancer.start(router)) {
                assertThat(router.rolledBack()).as("a new canary is rolled back").isFalse();
                Users users = new Users(balancer);
                Set<String> expected = new TreeSet<>();
                Set<String> seen = new TreeSet<>();
                int flips = 0;
                for (int u = 0; u < 150; u++) {
                    String user = "user-" + u;
                    if (Buckets.of(CanaryRouter.SALT, user) < 1000) {
                        expected.add(user);
                    }
                    String first = users.get(user, "/").version();
                    String second = users.get(user, "/").version();
                    flips += first.equals(second) ? 0 : 1;
                    if (first.equals("canary")) {
                        seen.add(user);
                    }
                }
                assertThat(flips).as("users (of 150) who were served by one version, then by the other").isZero();
                assertThat(seen).as("users the balancer sent to a 10%% canary: those whose bucket (salt \"canary\") "
                        + "is below 1,000 of 10,000, %d of 150", expected.size()).isEqualTo(expected);
                assertThat(router.rolledBack()).as("rolled back a canary that never failed").isFalse();
            }
        }
    }

    @Test
    void aFailingCanaryIsRolledBackAndThenServesNobody() {
        try (ServiceVersion baseline = ServiceVersion.start("blue", 0, 1);
             ServiceVersion canary = ServiceVersion.start("canary", 1.0, 2)) {
            CanaryRouter router = new CanaryRouter(baseline, canary, 10, judge());
            try (LoadBalancer balancer = LoadBalancer.start(router)) {
                assertThat(router.rolledBack()).as("a new canary is rolled back").isFalse();
                Users users = new Users(balancer);
                int u = 0;
                while (!router.rolledBack() && u < 400) {
                    users.get("user-" + u++, "/");
                }
                int canaryBefore = canary.served();
                assertThat(router.rolledBack()).as("rolled back a canary that fails every request, after %d users", u)
                        .isTrue();
                assertThat(canaryBefore).as("requests the failing canary served before the rollback: it waits for "
                        + "%d baseline requests, then 7 failures are enough", CanaryJudge.MIN_BASELINE)
                        .isBetween(7, 20);
                for (int i = 0; i < 100; i++) {
                    assertThat(users.get("user-" + i, "/").version()).as("version serving user-%d after the rollback", i)
                            .isEqualTo("blue");
                }
                assertThat(canary.served()).as("requests the canary served after the rollback").isEqualTo(canaryBefore);
            }
        }
    }
}
