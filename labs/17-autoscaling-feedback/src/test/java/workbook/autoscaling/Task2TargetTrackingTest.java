package workbook.autoscaling;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import static org.assertj.core.api.Assertions.assertThat;

@Task(2)
class Task2TargetTrackingTest {

    private final TargetTracking sixty = new TargetTracking(0.6, 0.1);

    @Test
    void scalesSoTheMetricLandsOnTheTarget() {
        assertThat(sixty.desiredInstances(Lab.fleet(10, 0.9, 0, 0, 0)))
                .as("10 warm instances at 90% CPU with a 60% target: ceil(10 x 0.9 / 0.6) = 15").isEqualTo(15);
        assertThat(sixty.desiredInstances(Lab.fleet(10, 0.3, 0, 0, 0)))
                .as("10 warm instances at 30% CPU with a 60% target: ceil(10 x 0.3 / 0.6) = 5").isEqualTo(5);
    }

    @Test
    void leavesWarmingInstancesOutOfTheMetric() {
        assertThat(sixty.desiredInstances(Lab.fleet(4, 0.6, 4, 1.0, 0)))
                .as("4 warm instances at 60% and 4 warming ones reading 100% (their own warm-up work): the warm"
                        + " ones are on target, so keep 8; counting the warming ones reads 80% and asks for 11, an"
                        + " overshoot caused by instances that are already on their way")
                .isEqualTo(8);
        assertThat(sixty.desiredInstances(Lab.fleet(4, 0.9, 4, 1.0, 0)))
                .as("4 warm at 90% and 4 warming: all 8 take traffic, so ceil(8 x 0.9 / 0.6) = 12").isEqualTo(12);
    }

    @Test
    void staysPutInsideTheToleranceBand() {
        assertThat(sixty.desiredInstances(Lab.fleet(10, 0.64, 0, 0, 0)))
                .as("64% against a 60% target is within 10%: no change, or the fleet chases noise").isEqualTo(10);
        assertThat(sixty.desiredInstances(Lab.fleet(10, 0.56, 0, 0, 0)))
                .as("56% against a 60% target is within 10%: no change").isEqualTo(10);
        assertThat(sixty.desiredInstances(Lab.fleet(10, 0.70, 0, 0, 0)))
                .as("70% is 17% over the target: ceil(10 x 0.70 / 0.6) = 12").isEqualTo(12);
    }

    @Test
    void doesNotLaunchAgainForInstancesAlreadyBooting() {
        assertThat(sixty.desiredInstances(Lab.fleet(10, 0.9, 0, 0, 5)))
                .as("10 warm at 90% want 15; 5 are already booting, so the total stays 15 (not 15 more, and not"
                        + " ceil(15 x 1.5) = 23 from counting the booting ones as if they served)")
                .isEqualTo(15);
        assertThat(sixty.desiredInstances(Lab.fleet(10, 0.7, 0, 0, 5)))
                .as("10 warm at 70% want 12, but 5 are booting: scaling out never cancels launches, keep 15")
                .isEqualTo(15);
    }

    @Test
    void waitsWhenNothingIsWarmYet() {
        assertThat(sixty.desiredInstances(Lab.fleet(0, 0, 3, 1.0, 2)))
                .as("no warm instance means no trustworthy metric: keep the 5 there are").isEqualTo(5);
    }

    private final RequestTracking fiftyPerInstance = new RequestTracking(50, 0.1);

    @Test
    void requestsPerInstanceShowTheWholeShortfallAtOnce() {
        Observation nine = Lab.withLoad(Lab.fleet(9, 1.0, 0, 0, 0), 2000);
        assertThat(sixty.desiredInstances(nine))
                .as("CPU target tracking (60%) on 9 warm instances at 100% CPU: the gauge stops at 100%, so it"
                        + " asks for ceil(9 x 1.0 / 0.6) = 15, whatever the load").isEqualTo(15);
        assertThat(fiftyPerInstance.desiredInstances(nine))
                .as("2,000 requests/s on 9 instances with a target of 50 per instance: ceil(2000 / 50) = 40 at once")
                .isEqualTo(40);
        assertThat(fiftyPerInstance.desiredInstances(Lab.withLoad(Lab.fleet(10, 0.3, 0, 0, 0), 300)))
                .as("300 requests/s on 10 instances: ceil(300 / 50) = 6").isEqualTo(6);
        assertThat(fiftyPerInstance.desiredInstances(Lab.withLoad(Lab.fleet(10, 0.5, 0, 0, 0), 520)))
                .as("520 requests/s on 10 instances is 52 each, within 10% of 50: no change").isEqualTo(10);
    }

    @Test
    void requestsPerInstanceCountBootingInstancesAndNeedNoWarmOne() {
        assertThat(fiftyPerInstance.desiredInstances(Lab.withLoad(Lab.fleet(10, 1.0, 0, 0, 30), 1000)))
                .as("1,000 requests/s on 10 serving instances wants 20, and 30 are booting: scaling out never"
                        + " cancels launches, keep 40").isEqualTo(40);
        assertThat(fiftyPerInstance.desiredInstances(Lab.withLoad(Lab.fleet(0, 0, 0, 0, 5), 2000)))
                .as("nothing serves yet, 5 booting, 2,000 requests/s at the load balancer: 40").isEqualTo(40);
    }

    @Test
    void onTheDayRequestsPerInstanceLaunchForTheSpikeAtOnce() {
        Run run = Lab.run(new RequestTracking(50, 0.1));
        int nineOClock = 9 * 60 * Fleet.TICKS_PER_MINUTE;
        int needed = (int) Math.ceil(run.tick(nineOClock).loadRps() / 50);
        assertThat(run.tick(nineOClock + 1).instances())
                .as("instances at 9:00:15 with request tracking (50 per instance): the 9:00 reading of"
                        + " %.0f requests/s launches all %d the spike needs in one step", run.tick(nineOClock).loadRps(), needed)
                .isGreaterThanOrEqualTo(needed);
        assertThat(run.ticks().stream().mapToInt(Tick::instances).max().orElseThrow())
                .as("peak instances over the day (the spike needs about 40 at 50 per instance; CPU tracking at 50% peaks at 64)")
                .isLessThanOrEqualTo(45);
        assertThat(Lab.sloMinutesBetween(run, 9 * 60, 10 * 60))
                .as("minutes over the objective from 9:00 to 10:00 (CPU tracking at 50%: 9.00); what is left is the"
                        + " 3 minutes of boot and the warm-up, which no reactive metric can remove").isBetween(3.0, 5.5);
    }

    @Test
    void holdsTheTargetThroughTheWorkingDay() {
        Run run = Lab.run(new TargetTracking(0.6, 0.1));
        double meanCpu = run.between(11 * 60, 16 * 60).stream().mapToDouble(Tick::averageCpu).average().orElseThrow();
        assertThat(meanCpu).as("mean CPU from 11:00 to 16:00 of the public day with a 60% target").isBetween(0.5, 0.7);
    }
}
