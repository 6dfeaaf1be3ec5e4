package workbook.measure;

import org.HdrHistogram.HistogramIterationValue;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

/** Test helpers for histograms of microseconds. */
final class Recorded {
    private static final Histogram SHAPE = Histograms.create();

    private Recorded() {
    }

    static final long MS = 1_000;
    static final long SECOND = 1_000_000;

    /**
     * What HdrHistogram reports for a recorded {@code micros}: the top of the bucket that holds it (exact
     * below 2,048 µs; within 0.1% above). 40 ms comes back as 40.031 ms.
     */
    static long reported(long micros) {
        return SHAPE.highestEquivalentValue(micros);
    }

    /** A histogram holding {@code count} copies of each (value, count) pair: record(h, 40 * MS, 9_980, 30 * SECOND, 20). */
    static Histogram histogram(long... valueCountPairs) {
        Histogram histogram = Histograms.create();
        for (int i = 0; i < valueCountPairs.length; i += 2) {
            histogram.recordValueWithCount(valueCountPairs[i], valueCountPairs[i + 1]);
        }
        return histogram;
    }

    /** Every value of the histogram, in ascending order, as the top of its bucket. */
    static List<Long> values(Histogram histogram) {
        List<Long> values = new ArrayList<>();
        for (HistogramIterationValue bucket : histogram.recordedValues()) {
            LongStream.range(0, bucket.getCountAtValueIteratedTo()).forEach(i -> values.add(bucket.getValueIteratedTo()));
        }
        return values;
    }

    static String ms(long micros) {
        return LatencyReport.readable(micros);
    }
}
