package workbook.labkit.launcher;

import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import workbook.labkit.progress.LabResults;
import workbook.labkit.progress.LabSheet;
import workbook.labkit.progress.TaskFilter;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;

/**
 * {@code ./workbook watch NN}: reruns a lab's tests every time a file of its {@code src/main/java}
 * is saved, the current task's tests first (the first task not done, or {@code --task N}) so that
 * their result shows as soon as it is known, then the other tasks. The JVM and the servers (PostgreSQL, Redis, Toxiproxy) stay up between runs: each run
 * compiles the lab's code and tests into a fresh class loader whose parent holds the lab kit, so the
 * lab kit's started servers are reused while the learner's classes are new. That is what makes a
 * re-run take a second or two instead of a full Maven build.
 */
public final class Watch implements AutoCloseable {
    private static final Duration POLL_INTERVAL = Duration.ofMillis(300);
    /** Editors often write a file in several steps; wait for quiet before rerunning. */
    private static final Duration SETTLE = Duration.ofMillis(150);

    private final Path lab;
    private final boolean polling;
    private final PrintStream out;
    private final Path work;
    private WatchService watcher;
    private Map<Path, Long> lastSeen = new HashMap<>();
    private int runNumber;

    private final Integer task;
    private final Path results;
    /** How long the last run took to show the current task's result. */
    private long focusResultMillis;

    /** @param task the task to run first on every save; null: the first task not done yet */
    public Watch(Path lab, boolean polling, Integer task, PrintStream out) throws IOException {
        this.task = task;
        this.lab = lab.toAbsolutePath().normalize();
        this.polling = polling;
        this.out = out;
        this.work = this.lab.resolve("target/workbook/watch");
        System.setProperty("workbook.lab.dir", this.lab.toString());
        this.results = this.lab.resolve("target/workbook/results.json");
        System.setProperty("workbook.results", results.toString());
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: Watch <lab folder> [--poll] [--task N]");
            System.exit(2);
        }
        List<String> options = List.of(args);
        boolean poll = options.contains("--poll");
        Integer task = null;
        int at = options.indexOf("--task");
        if (at >= 0) {
            if (at + 1 >= args.length || !args[at + 1].matches("\\d+")) {
                System.err.println("workbook: --task needs a task number, e.g. ./workbook watch 04 --task 3");
                System.exit(2);
            }
            task = Integer.parseInt(args[at + 1]);
        }
        try (Watch watch = new Watch(Path.of(args[0]), poll, task, System.out)) {
            watch.loop();
        }
    }

    void loop() throws Exception {
        out.println("Watching " + lab.resolve("src/main/java") + (polling ? " (polling)" : "")
                + ". Save a file to rerun the tests; Ctrl+C to stop.");
        while (true) {
            runOnce();
            if (!awaitChange(null)) {
                return;
            }
        }
    }

    /** Compiles the lab's code and tests and runs them; returns how long it took, in milliseconds. */
    public long runOnce() throws IOException {
        return compileAndTest(true);
    }

    /**
     * Compiles, then runs the current task's tests only: what a save costs before the student sees
     * that task's result. Returns the milliseconds from the start to that result ({@code labs/bench --watch}).
     */
    public long runCurrentTaskOnly() throws IOException {
        compileAndTest(false);
        return focusResultMillis;
    }

    private long compileAndTest(boolean otherTasksToo) throws IOException {
        long start = System.nanoTime();
        runNumber++;
        Path mainClasses = work.resolve("run-" + runNumber + "/main");
        Path testClasses = work.resolve("run-" + runNumber + "/test");
        deleteOldRuns();
        String classPath = System.getProperty("java.class.path");
        // The student's code is compiled together with the lab's given code (src/given/java).
        boolean compiled = compile(List.of(lab.resolve("src/main/java"), lab.resolve("src/given/java")), mainClasses, classPath)
                && compile(List.of(lab.resolve("src/test/java")), testClasses, mainClasses + java.io.File.pathSeparator + classPath);
        long compiledAt = System.nanoTime();
        long focusDone = compiledAt;
        if (compiled) {
            focusDone = runTests(mainClasses, testClasses, otherTasksToo);
        }
        long end = System.nanoTime();
        focusResultMillis = (focusDone - start) / 1_000_000;
        out.printf("[watch] run %d took %.1f s (compile %.1f s, the current task's result after %.1f s)%n", runNumber,
                (end - start) / 1e9, (compiledAt - start) / 1e9, (focusDone - start) / 1e9);
        return (end - start) / 1_000_000;
    }

    private boolean compile(List<Path> sourceRoots, Path into, String classPath) throws IOException {
        List<Path> files = new java.util.ArrayList<>();
        for (Path sources : sourceRoots) {
            if (Files.isDirectory(sources)) {
                try (Stream<Path> walk = Files.walk(sources)) {
                    walk.filter(file -> file.toString().endsWith(".java")).forEach(files::add);
                }
            }
        }
        Files.createDirectories(into);
        if (files.isEmpty()) {
            return true;
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            out.println("[watch] this Java has no compiler: run the workbook with a JDK, not a JRE.");
            return false;
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files2 = javac.getStandardFileManager(diagnostics, null, null)) {
            List<String> options = List.of("-d", into.toString(), "-cp", classPath, "-proc:none", "-g", "-encoding", "UTF-8");
            boolean ok = javac.getTask(null, files2, diagnostics, options, null, files2.getJavaFileObjectsFromPaths(files)).call();
            if (!ok) {
                out.println("[watch] your code does not compile yet:");
                for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                    if (d.getKind() == Diagnostic.Kind.ERROR) {
                        String file = d.getSource() == null ? "" : lab.relativize(Path.of(d.getSource().toUri())) + ":" + d.getLineNumber() + ": ";
                        out.println("  " + file + d.getMessage(null));
                    }
                }
            }
            return ok;
        }
    }

    /** Runs the current task's tests, then (if asked) the others; returns when the current task's ended (System.nanoTime). */
    private long runTests(Path mainClasses, Path testClasses, boolean otherTasksToo) throws IOException {
        List<URL> urls = new ArrayList<>(List.of(mainClasses.toUri().toURL(), testClasses.toUri().toURL()));
        Path resources = lab.resolve("src/test/resources");
        if (Files.isDirectory(resources)) {
            urls.add(resources.toUri().toURL());
        }
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), Watch.class.getClassLoader())) {
            Thread.currentThread().setContextClassLoader(loader);
            // The current task first, so its result shows as soon as it is known; then the others.
            int focus = focusTask();
            run(testClasses, TaskFilter.only(focus), "Task " + focus);
            long focusDone = System.nanoTime();
            if (otherTasksToo) {
                run(testClasses, TaskFilter.except(focus), "the other tasks");
            }
            return focusDone;
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private void run(Path testClasses, TaskFilter tasks, String scope) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClasspathRoots(Set.of(testClasses)))
                .filters(TagFilter.excludeTags("experiment"), tasks)
                .build();
        LauncherFactory.create().execute(request, new SummaryListener(out, lab, scope));
    }

    /** The task asked for with --task, else the first one not done in the last run, else the first. */
    int focusTask() {
        if (task != null) {
            return task;
        }
        LabSheet sheet = LabSheet.read(lab);
        java.util.Set<Integer> done = new java.util.HashSet<>();
        if (Files.isRegularFile(results)) {
            try {
                LabResults.read(results).tasks().stream().filter(LabResults.TaskResult::done).forEach(t -> done.add(t.id()));
            } catch (IOException | RuntimeException e) {
                // an unreadable results file just means no task is known to be done
            }
        }
        return sheet.tasks().stream().map(LabSheet.TaskInfo::id).filter(id -> !done.contains(id)).findFirst()
                .orElse(sheet.tasks().isEmpty() ? 1 : sheet.tasks().get(0).id());
    }

    private void deleteOldRuns() throws IOException {
        if (!Files.isDirectory(work)) {
            return;
        }
        try (Stream<Path> runs = Files.list(work)) {
            for (Path run : runs.toList()) {
                if (!run.getFileName().toString().equals("run-" + runNumber)) {
                    deleteTree(run);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /**
     * Blocks until a .java file under src/main/java changes (or the timeout passes); false when the
     * watch was closed or timed out.
     */
    public boolean awaitChange(Duration timeout) throws IOException, InterruptedException {
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        Path sources = lab.resolve("src/main/java");
        if (polling) {
            if (lastSeen.isEmpty()) {
                lastSeen = snapshot(sources);
            }
            while (System.nanoTime() < deadline) {
                Thread.sleep(POLL_INTERVAL.toMillis());
                Map<Path, Long> now = snapshot(sources);
                if (!now.equals(lastSeen)) {
                    Thread.sleep(SETTLE.toMillis());
                    lastSeen = snapshot(sources);
                    return true;
                }
            }
            return false;
        }
        if (watcher == null) {
            watcher = FileSystems.getDefault().newWatchService();
            registerAll(sources);
        }
        try {
            while (System.nanoTime() < deadline) {
                long wait = Math.min(TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()), 1000);
                WatchKey key = watcher.poll(Math.max(wait, 1), TimeUnit.MILLISECONDS);
                if (key == null) {
                    continue;
                }
                key.pollEvents();
                key.reset();
                registerAll(sources); // new packages get watched too
                Thread.sleep(SETTLE.toMillis());
                drain();
                return true;
            }
            return false;
        } catch (ClosedWatchServiceException e) {
            return false;
        }
    }

    private void drain() {
        WatchKey key;
        while ((key = watcher.poll()) != null) {
            key.pollEvents();
            key.reset();
        }
    }

    private void registerAll(Path sources) throws IOException {
        try (Stream<Path> dirs = Files.walk(sources)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    private static Map<Path, Long> snapshot(Path sources) throws IOException {
        Map<Path, Long> state = new HashMap<>();
        try (Stream<Path> walk = Files.walk(sources)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                state.put(file, Files.getLastModifiedTime(file).toMillis() * 31 + Files.size(file));
            }
        }
        return state;
    }

    @Override
    public void close() throws IOException {
        if (watcher != null) {
            watcher.close();
        }
    }
}
