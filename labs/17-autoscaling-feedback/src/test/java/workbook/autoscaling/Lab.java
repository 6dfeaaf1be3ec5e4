package workbook.autoscaling;

import java.util.ArrayList;
import java.util.List;

/** The lab's public trace and small builders the tests share. */
final class Lab {

    /** The public trace: 15 standard days; the first 14 are the history, the last is the day every test runs. */
    static final long SEED = 17;
    static final FleetConfig FLEET = FleetConfig.standard();
    static final Trace FIFTEEN_DAYS = Trace.daily(SEED, 15);
    static final Trace HISTORY = FIFTEEN_DAYS.firstDays(14);
    static final Trace DAY = FIFTEEN_DAYS.day(14);
    static final int START_INSTANCES = 4;

    private Lab() {
    }

    static Run run(ScalingPolicy policy) {
        return Fleet.simulate(FLEET, DAY, policy, START_INSTANCES);
    }

    /** An observation at tick 0 of {@code warm} warm instances, {@code warming} warming ones and {@code booting} booting ones. */
    static Observation fleet(int warm, double warmCpu, int warming, double warmingCpu, int booting) {
        return at(0, warm, warmCpu, warming, warmingCpu, booting);
    }

    static Observation at(int tick, int warm, double warmCpu, int warming, double warmingCpu, int booting) {
        List<InstanceView> instances = new ArrayList<>();
        for (int i = 0; i < warm; i++) {
            instances.add(new InstanceView(InstanceState.WARM, 3600, warmCpu));
        }
        for (int i = 0; i < warming; i++) {
            instances.add(new InstanceView(InstanceState.WARMING, 240, warmingCpu));
        }
        for (int i = 0; i < booting; i++) {
            instances.add(new InstanceView(InstanceState.BOOTING, 60, 0));
        }
        return new Observation(tick, 0, instances);
    }

    /** The same observation with {@code loadRps} requests per second arriving. */
    static Observation withLoad(Observation observation, double loadRps) {
        return new Observation(observation.tick(), loadRps, observation.instances());
    }

    /** Minutes with latency above the objective between two minutes of the day (the tests' own count). */
    static double sloMinutesBetween(Run run, int fromMinute, int toMinute) {
        return run.between(fromMinute, toMinute).stream()
                .filter(tick -> tick.latencyMs() > run.config().sloLatencyMs()).count() / (double) Fleet.TICKS_PER_MINUTE;
    }

    /** Reversals of the fleet's direction (the tests' own count, so Tasks 3 and 5 do not lean on Task 1). */
    static int reversals(Run run) {
        int reversals = 0;
        int last = 0;
        for (Tick tick : run.ticks()) {
            int direction = Integer.signum(tick.change());
            if (direction != 0 && last != 0 && direction != last) {
                reversals++;
            }
            if (direction != 0) {
                last = direction;
            }
        }
        return reversals;
    }

    /** A run from explicit (instances, change, load, latency) rows, one per tick. */
    static Run handMade(double[][] rows) {
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            double[] row = rows[i];
            ticks.add(new Tick(i, row[2], (int) row[0], (int) row[0], (int) row[0], row[0] * 100, 0.5, row[3], (int) row[1]));
        }
        return new Run(FLEET, ticks);
    }
}
