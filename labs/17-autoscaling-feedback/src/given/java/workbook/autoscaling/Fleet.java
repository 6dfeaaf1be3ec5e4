package workbook.autoscaling;

import java.util.ArrayList;
import java.util.List;

/**
 * The simulated fleet (given code): a deterministic loop of 15-second ticks. Each tick
 * <ol>
 *   <li>the policy's answer of the tick before is applied: new instances are launched in the BOOTING
 *       state, or the newest instances are terminated;</li>
 *   <li>the load is shared between the instances taking traffic in proportion to their capacity (a cold
 *       instance has only {@code coldCapacityFactor} of it), so all run at the same utilisation, and
 *       latency follows that utilisation;</li>
 *   <li>each instance reports its CPU: the traffic's share, plus {@code warmupCpu} while it warms up;</li>
 *   <li>the policy sees the tick (an {@link Observation}) and answers with the instances it wants.</li>
 * </ol>
 * A decision therefore takes effect a tick later, and a new instance helps only after
 * {@code bootMinutes}, and fully only after {@code warmupMinutes} more: the delays in this feedback loop.
 */
public final class Fleet {

    public static final int TICK_SECONDS = 15;
    public static final int TICKS_PER_MINUTE = 60 / TICK_SECONDS;

    private Fleet() {
    }

    /** Runs {@code policy} over the whole trace, starting with {@code initialInstances} warm instances. */
    public static Run simulate(FleetConfig config, Trace trace, ScalingPolicy policy, int initialInstances) {
        if (initialInstances < config.minInstances() || initialInstances > config.maxInstances()) {
            throw new IllegalArgumentException("start with between " + config.minInstances() + " and "
                    + config.maxInstances() + " instances, got " + initialInstances);
        }
        int bootTicks = config.bootMinutes() * TICKS_PER_MINUTE;
        int warmTicks = bootTicks + config.warmupMinutes() * TICKS_PER_MINUTE;
        List<Integer> launchedAt = new ArrayList<>();   // launch tick of each instance, oldest first
        for (int i = 0; i < initialInstances; i++) {
            launchedAt.add(-warmTicks);
        }
        int totalTicks = trace.minutes() * TICKS_PER_MINUTE;
        List<Tick> ticks = new ArrayList<>(totalTicks);
        int desired = initialInstances;
        for (int tick = 0; tick < totalTicks; tick++) {
            int target = Math.max(config.minInstances(), Math.min(config.maxInstances(), desired));
            int change = target - launchedAt.size();
            while (launchedAt.size() < target) {
                launchedAt.add(tick);
            }
            while (launchedAt.size() > target) {
                launchedAt.remove(launchedAt.size() - 1);
            }

            List<InstanceState> states = new ArrayList<>(launchedAt.size());
            int serving = 0;
            int warm = 0;
            double capacity = 0;
            for (int launched : launchedAt) {
                int age = tick - launched;
                InstanceState state = age < bootTicks ? InstanceState.BOOTING
                        : age < warmTicks ? InstanceState.WARMING : InstanceState.WARM;
                states.add(state);
                if (state != InstanceState.BOOTING) {
                    serving++;
                    capacity += capacityOf(config, state);
                }
                if (state == InstanceState.WARM) {
                    warm++;
                }
            }

            // The balancer sends each instance traffic in proportion to what it can handle (least outstanding
            // requests behaves like this), so every serving instance runs at the same utilisation.
            double load = trace.loadRps(tick / TICKS_PER_MINUTE);
            double utilisation = capacity == 0 ? (load > 0 ? 1 : 0) : load / capacity;
            double trafficCpu = Math.min(1.0, utilisation);
            List<InstanceView> views = new ArrayList<>(launchedAt.size());
            double cpuSum = 0;
            for (int i = 0; i < launchedAt.size(); i++) {
                double cpu = switch (states.get(i)) {
                    case BOOTING -> 0;
                    case WARMING -> Math.min(1.0, trafficCpu + config.warmupCpu());
                    case WARM -> trafficCpu;
                };
                cpuSum += cpu;
                views.add(new InstanceView(states.get(i), (long) (tick - launchedAt.get(i)) * TICK_SECONDS, cpu));
            }
            double latency = load == 0 ? config.baseLatencyMs() : config.latencyMs(utilisation);
            ticks.add(new Tick(tick, load, launchedAt.size(), serving, warm, capacity,
                    serving == 0 ? 0 : cpuSum / serving, latency, change));

            desired = policy.desiredInstances(new Observation(tick, load, views));
        }
        return new Run(config, ticks);
    }

    private static double capacityOf(FleetConfig config, InstanceState state) {
        return state == InstanceState.WARM ? config.capacityRps() : config.capacityRps() * config.coldCapacityFactor();
    }
}
