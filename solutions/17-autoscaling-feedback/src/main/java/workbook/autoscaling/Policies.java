package workbook.autoscaling;

import java.time.Duration;

/** Ready-made policies: the naive one the lab starts from, and the one you would ship (Task 6). */
public final class Policies {

    private Policies() {
    }

    public static ScalingPolicy naive() {
        return new NaivePolicy();
    }

    /**
     * The policy you would ship for this fleet, learning the daily pattern from {@code history} (at least
     * 14 days): it must beat {@link #naive()} on SLO-violation minutes, instance-hours and scaling actions.
     */
    public static ScalingPolicy recommended(Trace history, FleetConfig config) {
        double targetCpu = 0.5;
        ScalingPolicy reactive = new TargetTracking(targetCpu, 0.1);
        int lead = config.bootMinutes() + config.warmupMinutes() + 2;
        ScalingPolicy layered = new Predictive(SeasonalForecast.fromHistory(history), config, targetCpu, lead, reactive);
        return new Stabilised(layered, Duration.ofMinutes(3), Duration.ofMinutes(15));
    }
}
