package workbook.autoscaling;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@Task(6)
class Task6ScorecardTest {

    @Test
    void addsUpTheThreeNumbers() {
        // rows: instances, change, load, latency; the objective is 250 ms, a tick is 15 s
        Run run = Lab.handMade(new double[][]{
                {4, 0, 200, 60}, {6, 2, 900, 400}, {6, 0, 900, 300}, {6, 0, 600, 250}, {5, -1, 300, 90}, {5, 0, 300, 80}});
        Scorecard score = Scorecard.of(run);
        assertThat(score.sloViolationMinutes()).as("2 ticks above 250 ms (250 itself is within) = 30 s").isCloseTo(0.5, within(1e-9));
        assertThat(score.instanceHours()).as("32 instance-ticks of 15 s = 480 instance-seconds").isCloseTo(480 / 3600.0, within(1e-9));
        assertThat(score.scalingActions()).as("two ticks changed the fleet (+2, then -1)").isEqualTo(2);
    }

    @Test
    void theRecommendedPolicyBeatsTheNaiveOneOnAllThree() {
        Scorecard naive = Scorecard.of(Lab.run(Policies.naive()));
        Scorecard yours = Scorecard.of(Lab.run(Policies.recommended(Lab.HISTORY, Lab.FLEET)));
        String both = " (naive: " + naive + "; yours: " + yours + ")";
        assertThat(yours.sloViolationMinutes()).as("SLO-violation minutes on the public day" + both)
                .isLessThan(naive.sloViolationMinutes());
        assertThat(yours.instanceHours()).as("instance-hours on the public day" + both)
                .isLessThan(naive.instanceHours());
        assertThat(yours.scalingActions()).as("scaling actions on the public day" + both)
                .isLessThan(naive.scalingActions());
    }
}
