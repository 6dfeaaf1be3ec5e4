package workbook.compute;

import java.time.Duration;
import java.util.Random;

/** Where the time a new function instance needs before it can run its first request comes from. */
public interface ColdStarts {

    /** The start-up time of the next new instance. */
    Duration next();

    /**
     * Start-up times drawn from a log-normal distribution, rounded to the millisecond: most near the
     * median, a long tail of slow ones, as measured cold starts look. Seeded, so every run draws the same.
     */
    static ColdStarts logNormal(long seed, Duration median, double sigma) {
        Random random = new Random(seed);
        return () -> Duration.ofMillis(Math.round(median.toMillis() * Math.exp(sigma * random.nextGaussian())));
    }

    /** The same start-up time every time (for tests that need exact numbers). */
    static ColdStarts fixed(Duration each) {
        return () -> each;
    }

    /** Java cold starts as this lab assumes them: median 250 ms, one in a hundred over about 800 ms. */
    static ColdStarts java(long seed) {
        return logNormal(seed, Duration.ofMillis(250), 0.5);
    }
}
