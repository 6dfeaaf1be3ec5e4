package workbook.autoscaling;

import java.util.List;

/** The tick-by-tick record of one policy driving the fleet through one trace. */
public record Run(FleetConfig config, List<Tick> ticks) {

    public Run {
        ticks = List.copyOf(ticks);
    }

    public Tick tick(int index) {
        return ticks.get(index);
    }

    /** The ticks from {@code fromMinute} (inclusive) to {@code toMinute} (exclusive) of the run. */
    public List<Tick> between(int fromMinute, int toMinute) {
        return ticks.subList(Math.max(0, fromMinute * Fleet.TICKS_PER_MINUTE),
                Math.min(ticks.size(), toMinute * Fleet.TICKS_PER_MINUTE));
    }
}
