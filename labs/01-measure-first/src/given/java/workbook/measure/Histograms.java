package workbook.measure;

import org.HdrHistogram.Histogram;

import java.util.concurrent.TimeUnit;

/** The one shape of latency histogram this lab uses, so that every histogram can be merged with every other. */
public final class Histograms {
    /** The longest latency a histogram can hold: one hour, far beyond any timeout in this lab. */
    public static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);

    private Histograms() {
    }

    /**
     * An empty histogram of latencies in microseconds, from 0 to one hour, to 3 significant digits:
     * every recorded value is kept within 0.1%, in a fixed few tens of kilobytes however many values
     * are recorded.
     */
    public static Histogram create() {
        return new Histogram(HIGHEST_MICROS, 3);
    }

    /** Nanoseconds (what {@link Ticker} counts in) to the microseconds a histogram holds. */
    public static long micros(long nanos) {
        return TimeUnit.NANOSECONDS.toMicros(nanos);
    }
}
