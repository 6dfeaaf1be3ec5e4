package workbook.measure;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Task 4: measures, for every request a {@link LabServer} route handles, its wall time and its CPU
 * time (ThreadMXBean), adds them up per path, and tells a CPU-bound endpoint from an I/O-bound one.
 */
public final class CpuTimeFilter extends Filter {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<String, Profile> byPath = new ConcurrentHashMap<>();

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        // The handler runs on this thread, so this thread's CPU clock counts the request's own work.
        long wallStart = System.nanoTime();
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        chain.doFilter(exchange); // an exchange that fails with an IOException (client gone) is not counted
        Profile one = new Profile(1, System.nanoTime() - wallStart, THREADS.getCurrentThreadCpuTime() - cpuStart);
        byPath.merge(exchange.getRequestURI().getPath(), one, Profile::plus);
    }

    @Override
    public String description() {
        return "wall time and CPU time per path";
    }

    /** The requests measured so far for {@code path} (the URI's path, without a query); {@link Profile#NONE} if none. */
    public Profile profile(String path) {
        return byPath.getOrDefault(path, Profile.NONE);
    }

    /**
     * The bound of the path's requests so far, by {@link #classify(Profile)}.
     *
     * @throws IllegalStateException when no request to the path has been measured
     */
    public Bound boundOf(String path) {
        Profile profile = profile(path);
        if (profile.requests() == 0) {
            throw new IllegalStateException("no request to " + path + " has been measured yet");
        }
        return classify(profile);
    }

    /**
     * {@link Bound#CPU} when the CPU time is at least a twentieth (5%) of the wall time, else
     * {@link Bound#IO}. Not a half: on a machine busy with other work a computing request also waits
     * for a free core, and that wait counts as wall time; a waiting request stays near 1%.
     */
    public static Bound classify(Profile profile) {
        return profile.cpuNanos() * 20 >= profile.wallNanos() ? Bound.CPU : Bound.IO;
    }

    /**
     * How many times the throughput should grow from 1 thread to {@code threads} threads on a machine
     * with {@code cores} cores: waiting does not need a core, computing does.
     */
    public static double expectedSpeedup(Bound bound, int threads, int cores) {
        return bound == Bound.CPU ? Math.min(threads, cores) : threads;
    }
}
