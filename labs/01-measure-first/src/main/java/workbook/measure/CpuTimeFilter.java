package workbook.measure;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;

/**
 * Task 4: measures, for every request a {@link LabServer} route handles, its wall time and its CPU
 * time (ThreadMXBean), adds them up per path, and tells a CPU-bound endpoint from an I/O-bound one.
 */
public final class CpuTimeFilter extends Filter {

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        // Task 4: measure the wall time and the CPU time of the rest of the chain, per path.
        chain.doFilter(exchange);
    }

    @Override
    public String description() {
        return "wall time and CPU time per path";
    }

    /** The requests measured so far for {@code path} (the URI's path, without a query); {@link Profile#NONE} if none. */
    public Profile profile(String path) {
        throw new UnsupportedOperationException("Task 4: add up the requests, wall time and CPU time per path");
    }

    /**
     * The bound of the path's requests so far, by {@link #classify(Profile)}.
     *
     * @throws IllegalStateException when no request to the path has been measured
     */
    public Bound boundOf(String path) {
        throw new UnsupportedOperationException("Task 4: the bound of a path's profile");
    }

    /**
     * {@link Bound#CPU} when the CPU time is at least a twentieth (5%) of the wall time, else
     * {@link Bound#IO}. Not a half: on a machine busy with other work a computing request also waits
     * for a free core, and that wait counts as wall time; a waiting request stays near 1%.
     */
    public static Bound classify(Profile profile) {
        throw new UnsupportedOperationException("Task 4: classify from CPU time vs wall time");
    }

    /**
     * How many times the throughput should grow from 1 thread to {@code threads} threads on a machine
     * with {@code cores} cores: waiting does not need a core, computing does.
     */
    public static double expectedSpeedup(Bound bound, int threads, int cores) {
        throw new UnsupportedOperationException("Task 4: the speed-up threads can give CPU-bound and I/O-bound work");
    }
}
