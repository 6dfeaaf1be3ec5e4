package workbook.autoscaling;

/** How a run behaved as a feedback loop (Task 1): did it flap, and did it overshoot? */
public final class LoopMetrics {

    private LoopMetrics() {
    }

    /**
     * How often the fleet reversed: a launch after a termination, or a termination after a launch.
     * Ticks with no change in between do not matter; two launches in a row are not a reversal.
     */
    public static int directionChanges(Run run) {
        throw new UnsupportedOperationException("Task 1: count the reversals in the signs of Tick.change(), skipping ticks without a change");
    }

    /** The most instances running at once, booting ones included. */
    public static int peakInstances(Run run) {
        throw new UnsupportedOperationException("Task 1: the highest Tick.instances() of the run");
    }

    /** The most instances the load ever needed: the highest {@link FleetConfig#instancesNeeded} over the run's loads. */
    public static int peakNeeded(Run run) {
        throw new UnsupportedOperationException("Task 1: the highest config().instancesNeeded(loadRps) over the run");
    }

    /** Peak instances over peak needed: 1.0 is just enough; 1.5 paid for half as many again as the load ever needed. */
    public static double overshoot(Run run) {
        throw new UnsupportedOperationException("Task 1: peakInstances / peakNeeded, as a double");
    }
}
