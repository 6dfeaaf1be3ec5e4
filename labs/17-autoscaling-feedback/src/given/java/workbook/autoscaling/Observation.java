package workbook.autoscaling;

import java.util.List;

/**
 * What an autoscaler sees at the end of each tick (every 15 simulated seconds): the time, the load, and
 * every instance with its state and CPU. A policy answers with the number of instances it wants from the
 * next tick on.
 *
 * @param tick      ticks since the start of the simulation
 * @param loadRps   requests per second that arrived during this tick
 * @param instances every instance, booting ones included, oldest first
 */
public record Observation(int tick, double loadRps, List<InstanceView> instances) {

    public Observation {
        instances = List.copyOf(instances);
    }

    /** Simulated seconds since the start. */
    public long elapsedSeconds() {
        return (long) tick * Fleet.TICK_SECONDS;
    }

    /** 0 at midnight, 540 at 9:00. */
    public int minuteOfDay() {
        return (tick / Fleet.TICKS_PER_MINUTE) % Trace.MINUTES_PER_DAY;
    }

    /** Every instance, booting ones included: what the fleet has now, and what "desired" is compared with. */
    public int total() {
        return instances.size();
    }

    public int count(InstanceState state) {
        return (int) instances.stream().filter(instance -> instance.state() == state).count();
    }

    /** Instances taking traffic: warming and warm. */
    public int serving() {
        return count(InstanceState.WARMING) + count(InstanceState.WARM);
    }

    /**
     * Mean CPU of every instance taking traffic, warming ones included: the number on the dashboard, and
     * what the naive policy reacts to. Warming instances burn CPU on their own warm-up, so this reads high
     * while new instances warm up, although they are adding capacity.
     * 0 when nothing serves.
     */
    public double averageCpu() {
        return instances.stream().filter(instance -> instance.state() != InstanceState.BOOTING)
                .mapToDouble(InstanceView::cpu).average().orElse(0);
    }
}
