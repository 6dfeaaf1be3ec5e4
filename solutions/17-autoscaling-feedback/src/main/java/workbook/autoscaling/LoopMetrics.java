package workbook.autoscaling;

/** How a run behaved as a feedback loop (Task 1): did it flap, and did it overshoot? */
public final class LoopMetrics {

    private LoopMetrics() {
    }

    /**
     * How often the fleet reversed: a launch after a termination, or a termination after a launch.
     * Minutes with no change in between do not matter; two launches in a row are not a reversal.
     */
    public static int directionChanges(Run run) {
        int reversals = 0;
        int lastDirection = 0;
        for (Tick tick : run.ticks()) {
            int direction = Integer.signum(tick.change());
            if (direction != 0) {
                if (lastDirection != 0 && direction != lastDirection) {
                    reversals++;
                }
                lastDirection = direction;
            }
        }
        return reversals;
    }

    /** The most instances running at once, booting ones included. */
    public static int peakInstances(Run run) {
        return run.ticks().stream().mapToInt(Tick::instances).max().orElse(0);
    }

    /** The most instances the load ever needed ({@link FleetConfig#instancesNeeded}). */
    public static int peakNeeded(Run run) {
        return run.ticks().stream().mapToInt(tick -> run.config().instancesNeeded(tick.loadRps())).max().orElse(0);
    }

    /** Peak instances over peak needed: 1.0 is just enough; 1.5 paid for half as many again as the load ever needed. */
    public static double overshoot(Run run) {
        return peakInstances(run) / (double) peakNeeded(run);
    }
}
