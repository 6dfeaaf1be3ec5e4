package workbook.autoscaling;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Load on the fleet, in requests per second, one value per simulated minute (given code; the fleet's four
 * 15-second ticks in a minute all see that minute's load).
 * {@link #daily(long, int)} makes the lab's traffic: a quiet night, a morning ramp, everyone logging in at
 * 9:00 (five times the load of the minute before), a busy day, an evening decline, a little noise, and a
 * few bursts a day at random times that no forecast can know about. The same seed gives the same trace.
 */
public final class Trace {

    public static final int MINUTES_PER_DAY = 24 * 60;
    private static final int BURST_MIN_MINUTES = 3;
    private static final int BURST_MAX_MINUTES = 30;
    private static final double BURST_MIN_FACTOR = 1.2;
    private static final double BURST_MAX_FACTOR = 1.8;

    /**
     * The shape of a day.
     *
     * @param nightRps     load from 20:00 to 6:00
     * @param morningRps   load just before the spike (the ramp from 6:00 ends here)
     * @param spikeMinute  minute of the day the spike starts (540 is 9:00)
     * @param spikeFactor  the spike's load over {@code morningRps}
     * @param dayRps       load of the working day once the spike has passed
     * @param burstsPerDay random bursts between 7:00 and 22:00, 3 to 30 minutes long, 1.2x to 1.8x the load
     * @param noise        relative standard deviation of the minute-to-minute noise
     */
    public record Shape(double nightRps, double morningRps, int spikeMinute, double spikeFactor, double dayRps,
                        int burstsPerDay, double noise) {

        public Shape {
            if (nightRps <= 0 || morningRps <= 0 || spikeFactor < 1 || dayRps <= 0 || burstsPerDay < 0 || noise < 0
                    || spikeMinute < 7 * 60 || spikeMinute > 14 * 60) {
                throw new IllegalArgumentException("trace shape out of range (loads positive, spike factor >= 1,"
                        + " spike between 7:00 and 14:00, no negative bursts or noise): " + this);
            }
        }

        /** The lab's day: 200 rps at night, 400 before 9:00, 2000 at 9:00, 1000 through the day. */
        public static Shape standard() {
            return new Shape(200, 400, 9 * 60, 5.0, 1000, 4, 0.04);
        }

        public Shape withSpike(int minuteOfDay, double factor) {
            return new Shape(nightRps, morningRps, minuteOfDay, factor, dayRps, burstsPerDay, noise);
        }

        public Shape withBurstsPerDay(int bursts) {
            return new Shape(nightRps, morningRps, spikeMinute, spikeFactor, dayRps, bursts, noise);
        }

        public Shape withLoads(double night, double morning, double day) {
            return new Shape(night, morning, spikeMinute, spikeFactor, day, burstsPerDay, noise);
        }

        /** The load of a typical day at this minute, before noise and bursts. */
        double baseline(int minuteOfDay) {
            double spikeRps = morningRps * spikeFactor;
            int spikeEnd = spikeMinute + 45;
            int settled = spikeMinute + 90;
            if (minuteOfDay < 6 * 60) {
                return nightRps;
            } else if (minuteOfDay < spikeMinute) {
                return between(nightRps, morningRps, 6 * 60, spikeMinute, minuteOfDay);
            } else if (minuteOfDay < spikeEnd) {
                return spikeRps;
            } else if (minuteOfDay < settled) {
                return between(spikeRps, dayRps, spikeEnd, settled, minuteOfDay);
            } else if (minuteOfDay < 17 * 60) {
                return dayRps;
            } else if (minuteOfDay < 20 * 60) {
                return between(dayRps, nightRps, 17 * 60, 20 * 60, minuteOfDay);
            }
            return nightRps;
        }

        private static double between(double from, double to, int start, int end, int minute) {
            return from + (to - from) * (minute - start) / (double) (end - start);
        }
    }

    private final double[] rps;

    private Trace(double[] rps) {
        this.rps = rps;
    }

    /** A trace from explicit values, one per minute (for tests and what-ifs). */
    public static Trace of(double... rpsPerMinute) {
        if (rpsPerMinute.length == 0 || Arrays.stream(rpsPerMinute).anyMatch(value -> value < 0 || Double.isNaN(value))) {
            throw new IllegalArgumentException("a trace needs at least one minute and no negative load");
        }
        return new Trace(rpsPerMinute.clone());
    }

    /** The lab's standard days. */
    public static Trace daily(long seed, int days) {
        return daily(seed, days, Shape.standard());
    }

    public static Trace daily(long seed, int days, Shape shape) {
        if (days < 1) {
            throw new IllegalArgumentException("a daily trace needs at least one day, got " + days);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] rps = new double[days * MINUTES_PER_DAY];
        for (int day = 0; day < days; day++) {
            double[] burst = new double[MINUTES_PER_DAY];
            Arrays.fill(burst, 1.0);
            for (int b = 0; b < shape.burstsPerDay(); b++) {
                int start = random.nextInt(7 * 60, 22 * 60);
                int length = random.nextInt(BURST_MIN_MINUTES, BURST_MAX_MINUTES + 1);
                double factor = BURST_MIN_FACTOR + (BURST_MAX_FACTOR - BURST_MIN_FACTOR) * random.nextDouble();
                for (int m = start; m < Math.min(start + length, burst.length); m++) {
                    burst[m] = Math.max(burst[m], factor);
                }
            }
            for (int m = 0; m < MINUTES_PER_DAY; m++) {
                double noise = Math.max(0.5, 1 + shape.noise() * gaussian(random));
                rps[day * MINUTES_PER_DAY + m] = shape.baseline(m) * burst[m] * noise;
            }
        }
        return new Trace(rps);
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17.
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    public double loadRps(int minute) {
        return rps[minute];
    }

    public int minutes() {
        return rps.length;
    }

    /** Whole days in the trace. */
    public int days() {
        return rps.length / MINUTES_PER_DAY;
    }

    /** Minutes {@code from} (inclusive) to {@code to} (exclusive), renumbered from 0. */
    public Trace slice(int fromMinute, int toMinute) {
        if (fromMinute < 0 || toMinute > rps.length || fromMinute >= toMinute) {
            throw new IllegalArgumentException("slice [" + fromMinute + ", " + toMinute + ") is outside the trace's "
                    + rps.length + " minutes");
        }
        return new Trace(Arrays.copyOfRange(rps, fromMinute, toMinute));
    }

    /** Day {@code index} (0-based) on its own. */
    public Trace day(int index) {
        return slice(index * MINUTES_PER_DAY, (index + 1) * MINUTES_PER_DAY);
    }

    /** The first {@code count} days. */
    public Trace firstDays(int count) {
        return slice(0, count * MINUTES_PER_DAY);
    }
}
