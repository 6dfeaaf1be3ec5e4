package workbook.measure;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Arrays;

/**
 * Work that keeps a CPU busy: a fixed number of rounds of arithmetic, sized once so that one run
 * takes about the asked time on an idle core. On a busy core the same run takes longer in wall time,
 * but always needs the same CPU time, which is what makes it CPU-bound. Given.
 */
public final class CpuWork implements LabServer.Work {
    private static final long ROUNDS_PER_MILLI = calibrate();
    private static volatile long sink;

    private final long rounds;

    public CpuWork(Duration onIdleCore) {
        this.rounds = Math.max(1, ROUNDS_PER_MILLI * onIdleCore.toNanos() / 1_000_000);
    }

    @Override
    public void run() {
        sink += spin(rounds);
    }

    private static long spin(long rounds) {
        long x = 0x9E3779B97F4A7C15L;
        for (long i = 0; i < rounds; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        return x;
    }

    /**
     * Rounds per millisecond of CPU time: the best of a few runs, after a warm-up long enough for the
     * JIT to compile spin. Timed with the thread's CPU clock, so that a busy machine (which preempts
     * this thread) does not make the work look slower than it is.
     */
    private static long calibrate() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long rounds = 200_000;
        for (int i = 0; i < 100; i++) {
            sink += spin(rounds);
        }
        long[] nanos = new long[7];
        for (int i = 0; i < nanos.length; i++) {
            long start = threads.getCurrentThreadCpuTime();
            sink += spin(rounds);
            nanos[i] = Math.max(1, threads.getCurrentThreadCpuTime() - start);
        }
        Arrays.sort(nanos);
        return Math.max(1, rounds * 1_000_000 / nanos[0]);
    }
}
