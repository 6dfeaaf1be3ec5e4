package workbook.checker.run;

import workbook.checker.course.Lab;
import workbook.labkit.progress.LabResults;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Compiles one lab (some code plus a set of tests) and runs its tests in JVMs of their own.
 * Calibration runs the starter and the solution through it; grading runs a student's code.
 * <p>
 * A JVM that ends early (System.exit, Runtime.halt, a crash) loses only the test it was running:
 * the tests it never reached run in a new JVM. A JVM that outlives the lab's wall-clock limit is
 * killed with everything it started, and what it had not run is reported as not run.
 */
public final class LabRun {
    private static final Pattern TASK_ANNOTATION = Pattern.compile("@Task\\s*\\(\\s*(?:value\\s*=\\s*)?(\\d+)\\s*\\)");
    private static final String CONTINUE_RUNNER = "workbook.checker.runner.ContinueRunner";
    /** Below this much time left, starting another JVM is pointless. */
    private static final Duration MINIMUM_ATTEMPT = Duration.ofSeconds(2);

    public record TestRoot(Path dir, Origin origin) {
    }

    /**
     * What to run.
     *
     * @param label         starter, solution, or a student's name: for messages and folder names
     * @param mainSources   the code under test ({@code src/main/java}: what the student writes)
     * @param givenSources  the course's own copy of the lab's given code ({@code src/given/java}), compiled
     *                      with it; a file of the code under test at the same path as a given one is left out
     * @param messagesBase  compiler messages name files relative to this folder
     * @param testResources the lab's {@code src/test/resources}, copied next to the tests
     */
    public record Spec(Lab lab, String label, Path mainSources, Path givenSources, Path messagesBase, List<TestRoot> testRoots,
                       Path testResources) {
        public Spec(Lab lab, String label, Path mainSources, Path messagesBase, List<TestRoot> testRoots, Path testResources) {
            this(lab, label, mainSources, lab.givenSources(), messagesBase, testRoots, testResources);
        }
    }

    /**
     * @param testTimeout  per test; null keeps the lab kit's (30 s)
     * @param labTimeout   wall clock for the whole lab, all JVMs together
     * @param outputLimit  bytes of the JVM's own output kept (the start and the end)
     */
    public record Limits(Duration testTimeout, Duration labTimeout, int outputLimit) {
        public static final Duration DEFAULT_LAB_TIMEOUT = Duration.ofSeconds(180);

        public static Limits defaults() {
            return new Limits(null, DEFAULT_LAB_TIMEOUT, 64 * 1024);
        }
    }

    /** A test file that does not compile against the code under test: its tests cannot run. */
    public record UncompiledTestFile(Path file, Origin origin, Integer task, String messages) {
    }

    /** The lab compiled and its tests listed, ready to run (any number of times). */
    public record Prepared(Spec spec, Path work, JavaCompilation.Result main, List<UncompiledTestFile> uncompiledTests,
                           List<PlannedTest> plan, Map<String, Origin> origins, Path testClasses, List<Path> classpath,
                           Duration compileTime) {
        public boolean compiled() {
            return main.success();
        }

        public String compilerMessages() {
            return main.messages(spec.messagesBase());
        }
    }

    /** One run's results: every planned test, plus notes on anything unusual (a crash, the time limit). */
    public record Outcome(Prepared prepared, List<TestOutcome> tests, List<String> notes, Duration runTime) {
    }

    private final List<Path> labClasspath;
    private final Limits limits;
    private final Path scratch;

    /**
     * @param scratch the test JVMs' temporary folder; servers they start live under it, which is how
     *                ones left behind are found. One per concurrent run.
     */
    public LabRun(List<Path> labClasspath, Limits limits, Path scratch) {
        this.labClasspath = List.copyOf(labClasspath);
        this.limits = limits;
        this.scratch = scratch.toAbsolutePath();
    }

    public Prepared prepare(Spec spec, Path work) throws IOException {
        long start = System.nanoTime();
        deleteTree(work);
        Path mainClasses = work.resolve("main-classes");
        Path testClasses = work.resolve("test-classes");
        Path resources = work.resolve("test-resources");
        JavaCompilation.Result main = JavaCompilation.compile(mainFiles(spec), labClasspath, mainClasses);
        if (!main.success()) {
            return new Prepared(spec, work, main, List.of(), List.of(), Map.of(), testClasses, List.of(), elapsed(start));
        }
        List<Path> compileClasspath = new ArrayList<>();
        compileClasspath.add(mainClasses);
        compileClasspath.addAll(labClasspath);
        List<UncompiledTestFile> uncompiled = compileTests(spec, compileClasspath, testClasses);
        if (spec.testResources() != null && Files.isDirectory(spec.testResources())) {
            copyTree(spec.testResources(), resources);
        }
        // Tests, then libraries, then the code under test: a class in src/main/java cannot stand in for
        // a test, an assertion library or the lab kit.
        List<Path> classpath = new ArrayList<>();
        classpath.add(testClasses);
        if (Files.isDirectory(resources)) {
            classpath.add(resources);
        }
        classpath.addAll(labClasspath);
        classpath.add(mainClasses);
        List<PlannedTest> plan = TestPlan.discover(testClasses, classpath.subList(1, classpath.size()));
        return new Prepared(spec, work, main, uncompiled, plan, origins(spec), testClasses, classpath, elapsed(start));
    }

    /**
     * The code under test plus the given code. The given code always comes from the course: a file of
     * the code under test that has the path of a given file is a copy of it and is left out.
     */
    static List<Path> mainFiles(Spec spec) throws IOException {
        List<Path> files = new ArrayList<>();
        Path given = spec.givenSources();
        boolean hasGiven = given != null && Files.isDirectory(given);
        for (Path file : JavaCompilation.javaFiles(List.of(spec.mainSources()))) {
            if (!hasGiven || !Files.exists(given.resolve(spec.mainSources().relativize(file).toString()))) {
                files.add(file);
            }
        }
        if (hasGiven) {
            files.addAll(JavaCompilation.javaFiles(List.of(given)));
        }
        return files;
    }

    /** Compiles the tests; a file that does not compile is left out (with its messages) so that the others still run. */
    private List<UncompiledTestFile> compileTests(Spec spec, List<Path> classpath, Path output) throws IOException {
        List<Path> files = new ArrayList<>(JavaCompilation.javaFiles(spec.testRoots().stream().map(TestRoot::dir).toList()));
        List<UncompiledTestFile> left = new ArrayList<>();
        for (int round = 0; round < 10 && !files.isEmpty(); round++) {
            deleteTree(output);
            JavaCompilation.Result result = JavaCompilation.compile(files, classpath, output);
            if (result.success()) {
                return left;
            }
            List<Path> failing = result.failingFiles().stream().filter(files::contains).toList();
            List<Path> culprits = failing.isEmpty() ? List.copyOf(files) : failing;
            for (Path file : culprits) {
                JavaCompilation.Result ofFile = new JavaCompilation.Result(false, 1,
                        result.errors().stream().filter(problem -> file.equals(problem.file()) || failing.isEmpty()).toList());
                left.add(new UncompiledTestFile(file, originOf(spec, file), taskIn(file), ofFile.messages(spec.lab().dir().getParent().getParent())));
            }
            files.removeAll(culprits);
        }
        deleteTree(output);
        Files.createDirectories(output);
        for (Path file : files) {
            left.add(new UncompiledTestFile(file, originOf(spec, file), taskIn(file), "left out: it depends on test files that do not compile"));
        }
        return left;
    }

    /** Runs the prepared lab's tests; {@code round} keeps the files of repeated runs apart. */
    public Outcome run(Prepared prepared, int round) throws IOException {
        List<TestOutcome> tests = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (UncompiledTestFile file : prepared.uncompiledTests()) {
            String name = file.file().getFileName().toString().replace(".java", "");
            tests.add(new TestOutcome("compile:" + file.file(), name, null, name, file.task(), Status.ERROR,
                    "this test file does not compile against the code under test (was the public API changed?):\n" + file.messages(),
                    0, null, file.origin()));
        }
        if (!prepared.compiled() || prepared.plan().isEmpty()) {
            return new Outcome(prepared, tests, notes, Duration.ZERO);
        }
        Path runDir = prepared.work().resolve("run-" + round);
        deleteTree(runDir);
        Files.createDirectories(runDir);
        Files.createDirectories(scratch);
        long start = System.nanoTime();
        Map<String, TestOutcome> results = new LinkedHashMap<>();
        List<PlannedTest> remaining = prepared.plan();
        String stopReason = null;
        for (int attempt = 1; stopReason == null; attempt++) {
            Duration left = limits.labTimeout().minus(elapsed(start));
            if (left.compareTo(MINIMUM_ATTEMPT) < 0) {
                stopReason = "the lab's time limit of " + seconds(limits.labTimeout()) + " ran out before it could run";
                break;
            }
            Path resultsFile = runDir.resolve("results-" + attempt + ".json");
            List<String> command = attempt == 1
                    ? command(prepared, resultsFile, null, "workbook.labkit.progress.LabRunner", prepared.testClasses().toString())
                    : command(prepared, resultsFile, runnerFolder(runDir), CONTINUE_RUNNER, idsFile(runDir, attempt, remaining).toString());
            TestJvm.Exit exit = TestJvm.run(command, runDir, TestJvm.environment(), left, limits.outputLimit(), scratch.toString());
            LabResults written = readResults(resultsFile);
            List<LabResults.TestResult> reported = written == null ? List.of() : written.tests();
            String runningAtEnd = null;
            for (LabResults.TestResult result : reported) {
                TestOutcome outcome = outcome(result, prepared.origins());
                if (result.status() == LabResults.Status.RUNNING) {
                    runningAtEnd = result.displayName();
                    outcome = exit.timedOut()
                            ? outcome.with(Status.TIMEOUT, "stopped when the lab's time limit of " + seconds(limits.labTimeout())
                            + " ran out: it was still running (an endless loop, or waiting for something that never comes)")
                            : outcome.with(Status.ERROR, "the test JVM ended during this test (exit code " + exit.code()
                            + "): System.exit, Runtime.halt or a crash stops every test in the JVM (the checker ran the tests after it in a new one)");
                }
                results.put(result.uniqueId(), outcome);
            }
            remaining = prepared.plan().stream().filter(test -> results.keySet().stream().noneMatch(test::covers)).toList();
            if (exit.timedOut()) {
                notes.add("The lab's wall-clock limit of " + seconds(limits.labTimeout()) + " ran out"
                        + (runningAtEnd == null ? "" : " during " + runningAtEnd) + "; the test JVM and everything it started were stopped.");
                stopReason = "the lab's time limit of " + seconds(limits.labTimeout()) + " ran out before it could run";
            } else if (written != null && written.finished()) {
                stopReason = remaining.isEmpty() ? "done" : "the test JVM did not run it";
            } else {
                notes.add("The test JVM ended early (exit code " + exit.code() + ")"
                        + (runningAtEnd == null ? "" : " during " + runningAtEnd) + ".");
                if (reported.isEmpty()) {
                    notes.add("It wrote no results. Its last output:\n" + exit.outputTail(2000));
                    stopReason = "the test JVM ended (exit code " + exit.code() + ") before it could run";
                } else if (remaining.isEmpty()) {
                    stopReason = "done";
                }
            }
        }
        for (PlannedTest test : remaining) {
            results.put(test.id(), new TestOutcome(test.id(), test.className(), test.methodName(), test.displayName(), test.task(),
                    Status.ERROR, "did not run: " + stopReason, 0, null, prepared.origins().getOrDefault(test.topLevelClass(), Origin.PUBLIC)));
        }
        tests.addAll(results.values());
        return new Outcome(prepared, List.copyOf(tests), List.copyOf(notes), elapsed(start));
    }

    private List<String> command(Prepared prepared, Path resultsFile, Path runner, String mainClass, String argument) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx1g");
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-XX:+UseSerialGC"); // small heaps, fewer threads: the machine may be grading several labs
        command.add("-Dfile.encoding=UTF-8");
        command.add("-Djava.io.tmpdir=" + scratch);
        command.add("-Dworkbook.lab.dir=" + prepared.spec().lab().dir().toAbsolutePath());
        command.add("-Dworkbook.results=" + resultsFile.toAbsolutePath());
        if (limits.testTimeout() != null) {
            // JUnit reads configuration parameters from system properties before junit-platform.properties.
            command.add("-Djunit.jupiter.execution.timeout.default=" + limits.testTimeout().toMillis() + " ms");
        }
        List<Path> classpath = new ArrayList<>();
        if (runner != null) {
            classpath.add(runner);
        }
        classpath.addAll(prepared.classpath());
        command.add("-cp");
        command.add(classpath.stream().map(path -> path.toAbsolutePath().toString()).collect(Collectors.joining(java.io.File.pathSeparator)));
        command.add(mainClass);
        command.add(argument);
        return command;
    }

    /** A folder holding only the ContinueRunner class, copied from the checker. */
    private static Path runnerFolder(Path runDir) throws IOException {
        String resource = "/" + CONTINUE_RUNNER.replace('.', '/') + ".class";
        Path target = runDir.resolve("runner").resolve(resource.substring(1));
        if (!Files.exists(target)) {
            Files.createDirectories(target.getParent());
            try (InputStream in = LabRun.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("the checker's " + resource + " is missing from its build");
                }
                Files.copy(in, target);
            }
        }
        return runDir.resolve("runner");
    }

    private static Path idsFile(Path runDir, int attempt, List<PlannedTest> tests) throws IOException {
        Path file = runDir.resolve("continue-" + attempt + ".txt");
        Files.write(file, tests.stream().map(PlannedTest::id).toList(), StandardCharsets.UTF_8);
        return file;
    }

    private static LabResults readResults(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return LabResults.read(file);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static TestOutcome outcome(LabResults.TestResult result, Map<String, Origin> origins) {
        Status status = switch (result.status()) {
            case PASSED -> Status.PASSED;
            case FAILED -> Status.FAILED;
            case TIMEOUT -> Status.TIMEOUT;
            case SKIPPED -> Status.SKIPPED;
            case ERROR, RUNNING -> Status.ERROR;
        };
        String message = result.status() == LabResults.Status.SKIPPED ? "skipped: " + result.message() : result.message();
        return new TestOutcome(result.uniqueId(), result.className(), result.methodName(), result.displayName(), result.task(),
                status, message, result.durationMillis(), result.output(),
                origins.getOrDefault(TestPlan.topLevel(result.className()), Origin.PUBLIC));
    }

    /** Which test root each top-level test class comes from, by its file's path. */
    private static Map<String, Origin> origins(Spec spec) {
        Map<String, Origin> origins = new HashMap<>();
        for (TestRoot root : spec.testRoots()) {
            for (Path file : JavaCompilation.javaFiles(List.of(root.dir()))) {
                String relative = root.dir().relativize(file).toString().replace(java.io.File.separatorChar, '.');
                origins.put(relative.substring(0, relative.length() - ".java".length()), root.origin());
            }
        }
        return origins;
    }

    private static Origin originOf(Spec spec, Path file) {
        return spec.testRoots().stream().filter(root -> file.startsWith(root.dir())).map(TestRoot::origin).findFirst().orElse(Origin.PUBLIC);
    }

    private static Integer taskIn(Path file) {
        try {
            Matcher task = TASK_ANNOTATION.matcher(Files.readString(file, StandardCharsets.UTF_8));
            return task.find() ? Integer.valueOf(task.group(1)) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : String.format("%.1f s", duration.toMillis() / 1000.0);
    }

    private static Duration elapsed(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else if (Files.isRegularFile(source, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target.getParent());
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    public static void deleteTree(Path root) {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
