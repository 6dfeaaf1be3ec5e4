package workbook.scaling;

/**
 * One way to give the database more room, in units of today's server: {@code primaryCores} 2.0 is a
 * primary with twice today's cores; {@code replicas} read replicas of {@code replicaCores} each take
 * the read share of the load off the primary and split it evenly between them.
 */
public record Option(String name, double primaryCores, int replicas, double replicaCores) {

    /** Do nothing: today's server alone. */
    public static Option stayAsIs() {
        return new Option("stay as is", 1, 0, 0);
    }

    /** Scale up: one bigger primary, no replicas. */
    public static Option vertical(double primaryCores) {
        return new Option("vertical " + primaryCores + "x", primaryCores, 0, 0);
    }

    /** Scale out: today's primary plus read replicas of today's size. */
    public static Option horizontal(int replicas) {
        return new Option("horizontal " + replicas + " replica(s)", 1, replicas, 1);
    }

    /** Both: a bigger primary for the writes that are hard to spread, replicas for the reads. */
    public static Option diagonal(double primaryCores, int replicas, double replicaCores) {
        return new Option("diagonal " + primaryCores + "x + " + replicas + " replica(s)", primaryCores, replicas, replicaCores);
    }
}
