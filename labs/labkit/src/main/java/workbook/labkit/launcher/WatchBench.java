package workbook.labkit.launcher;

import workbook.labkit.infra.Infrastructure;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code labs/bench --watch}: how long a save takes to show the current task's result in watch mode,
 * for every task of one lab folder. One warm-up run of the whole lab first (servers started, classes
 * loaded, as after the first run of {@code ./workbook watch}); then, per task, the median of three
 * saves, each compiling the lab again and running that task's tests alone. Prints one line per task,
 * {@code T<n> <seconds> servers|no-servers}: whether its tests use PostgreSQL, Redis or Toxiproxy,
 * which gives it the larger budget.
 */
public final class WatchBench {
    private static final int SAVES = 3;

    private WatchBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: WatchBench <lab folder> <task number>...");
            System.exit(2);
        }
        Path lab = Path.of(args[0]);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true);
        PrintStream console = System.out;
        System.setOut(quiet); // the tests' own printing is not the measurement
        try (Watch warmUp = new Watch(lab, false, Integer.parseInt(args[1]), quiet)) {
            warmUp.runOnce();
        }
        for (int i = 1; i < args.length; i++) {
            int task = Integer.parseInt(args[i]);
            List<Long> millis = new ArrayList<>();
            long serverRequests = Infrastructure.requests();
            try (Watch watch = new Watch(lab, false, task, quiet)) {
                for (int save = 0; save < SAVES; save++) {
                    millis.add(watch.runCurrentTaskOnly());
                }
            }
            millis.sort(null);
            boolean servers = Infrastructure.requests() > serverRequests;
            console.printf("T%d %.1f %s%n", task, millis.get(SAVES / 2) / 1e3, servers ? "servers" : "no-servers");
        }
        System.setOut(console);
        System.exit(0); // the lab's servers stop in the lab kit's shutdown hook
    }
}
