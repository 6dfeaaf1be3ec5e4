package workbook.checker.calibrate;

import workbook.checker.UserError;
import workbook.checker.course.Course;
import workbook.checker.course.Lab;
import workbook.checker.run.LabRun;
import workbook.checker.run.Origin;
import workbook.checker.run.PlannedTest;
import workbook.checker.run.Status;
import workbook.checker.run.TestOutcome;
import workbook.labkit.progress.LabSheet;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Proves that each lab does its job: every task has public tests, fails on the starter (the tests
 * notice the missing work) and passes on the reference solution, public, hidden and the solution's
 * own tests alike. With several rounds, every test must pass every time (a flaky test is found here,
 * not by students).
 */
public final class Calibration {
    private final Course course;
    private final LabRun runner;
    private final Path work;
    private final PrintWriter progress;

    public Calibration(Course course, LabRun runner, Path work, PrintWriter progress) {
        this.course = course;
        this.runner = runner;
        this.work = work;
        this.progress = progress;
    }

    /** What calibration found for one lab. */
    public record LabReport(String lab, int tasks, int starterTasksFailing, int solutionTasksPassing,
                            int publicTests, int hiddenTests, int solutionOwnTests, double starterSeconds,
                            double solutionSeconds, int rounds, List<TestRate> solutionPassRates,
                            List<WrongImplementation> wrong, List<String> violations, List<String> warnings) {
        /** Wrong implementations the hidden tests catch while the public tests pass, out of those checked. */
        public String wrongCaught() {
            return wrong.stream().filter(WrongImplementation::caught).count() + "/" + wrong.size();
        }
    }

    /** One wrong-but-plausible implementation: the public tests it fails (should be none) and the hidden ones (at least one). */
    public record WrongImplementation(String name, boolean compiled, List<String> publicFailing, List<String> hiddenFailing, double seconds) {
        public boolean caught() {
            return compiled && publicFailing.isEmpty() && !hiddenFailing.isEmpty();
        }
    }

    /** How often one test passed on the solution. */
    public record TestRate(String test, Integer task, String origin, int passed, int runs, String lastFailure) {
        public boolean flaky() {
            return passed < runs;
        }
    }

    /**
     * @param withWrong also run every wrong implementation (a patch in checker/fixtures/wrong/NN-slug): each must
     *                  pass the public tests and fail at least one hidden test
     */
    public LabReport calibrate(Lab lab, int rounds, boolean withWrong) throws IOException {
        List<String> violations = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        LabSheet sheet;
        try {
            sheet = lab.sheet();
        } catch (RuntimeException e) {
            violations.add(lab.number() + ": " + e.getMessage());
            return new LabReport(lab.id(), 0, 0, 0, 0, 0, 0, 0, 0, rounds, List.of(), List.of(), violations, warnings);
        }
        checkSheet(lab, sheet, violations);

        // The starter, with the public and hidden tests.
        List<LabRun.TestRoot> starterTests = new ArrayList<>();
        starterTests.add(new LabRun.TestRoot(lab.publicTests(), Origin.PUBLIC));
        lab.hiddenTests().ifPresent(dir -> starterTests.add(new LabRun.TestRoot(dir, Origin.HIDDEN)));
        LabRun.Spec starterSpec = new LabRun.Spec(lab, "starter", lab.starterSources(), course.root(), starterTests, lab.testResources());
        say(lab, "starter: compiling");
        LabRun.Prepared starter = runner.prepare(starterSpec, work.resolve(lab.id()).resolve("starter"));
        int publicTests = 0;
        int hiddenTests = 0;
        int starterFailing = 0;
        double starterSeconds = 0;
        if (!starter.compiled()) {
            violations.add(lab.number() + ": the starter does not compile; it must, with bodies that throw "
                    + "UnsupportedOperationException where work is left:\n" + indent(starter.compilerMessages()));
        } else {
            uncompiled(lab, starter, "starter", violations);
            publicTests = count(starter.plan(), starter, Origin.PUBLIC);
            hiddenTests = count(starter.plan(), starter, Origin.HIDDEN);
            checkTaskCoverage(lab, sheet, starter, violations, warnings);
            Map<Integer, Integer> roundsFailing = new LinkedHashMap<>();
            for (int round = 1; round <= rounds; round++) {
                say(lab, "starter: running " + starter.plan().size() + " tests" + roundLabel(round, rounds));
                LabRun.Outcome outcome = runner.run(starter, round);
                starterSeconds += seconds(outcome.runTime());
                for (LabSheet.TaskInfo task : sheet.tasks()) {
                    boolean failing = outcome.tests().stream().anyMatch(test -> test.origin() == Origin.PUBLIC
                            && Integer.valueOf(task.id()).equals(test.task()) && test.status().failing());
                    roundsFailing.merge(task.id(), failing ? 1 : 0, Integer::sum);
                }
                notes(lab, "starter", outcome, warnings);
            }
            for (LabSheet.TaskInfo task : sheet.tasks()) {
                int failed = roundsFailing.getOrDefault(task.id(), 0);
                if (failed == rounds) {
                    starterFailing++;
                } else if (hasPublicTest(starter, task.id())) {
                    violations.add(lab.number() + " Task " + task.id() + ": passes on the starter"
                            + (rounds > 1 ? " in " + (rounds - failed) + " of " + rounds + " runs" : "")
                            + ": the tests do not catch the missing work");
                }
            }
            // Compiling happens once; each run's share is the tests' time.
            starterSeconds = seconds(starter.compileTime()) + starterSeconds / rounds;
        }

        // The solution, with the public tests, its own tests and the hidden tests.
        int solutionPassing = 0;
        int solutionOwnTests = 0;
        double solutionSeconds = 0;
        List<TestRate> rates = new ArrayList<>();
        if (!Files.isDirectory(lab.solutionSources())) {
            violations.add(lab.number() + ": there is no reference solution at " + course.root().relativize(lab.solutionSources()));
        } else {
            List<LabRun.TestRoot> solutionTests = new ArrayList<>();
            solutionTests.add(new LabRun.TestRoot(lab.publicTests(), Origin.PUBLIC));
            solutionTests.add(new LabRun.TestRoot(lab.solutionOwnTests(), Origin.SOLUTION));
            lab.hiddenTests().ifPresent(dir -> solutionTests.add(new LabRun.TestRoot(dir, Origin.HIDDEN)));
            LabRun.Spec solutionSpec = new LabRun.Spec(lab, "solution", lab.solutionSources(), course.root(), solutionTests, lab.testResources());
            say(lab, "solution: compiling");
            LabRun.Prepared solution = runner.prepare(solutionSpec, work.resolve(lab.id()).resolve("solution"));
            if (!solution.compiled()) {
                violations.add(lab.number() + ": the solution does not compile:\n" + indent(solution.compilerMessages()));
            } else {
                uncompiled(lab, solution, "solution", violations);
                solutionOwnTests = count(solution.plan(), solution, Origin.SOLUTION);
                Map<String, int[]> passes = new LinkedHashMap<>();
                Map<String, TestOutcome> lastFailure = new LinkedHashMap<>();
                Map<String, TestOutcome> anyRun = new LinkedHashMap<>();
                Map<Integer, Integer> roundsPassing = new LinkedHashMap<>();
                for (int round = 1; round <= rounds; round++) {
                    say(lab, "solution: running " + solution.plan().size() + " tests" + roundLabel(round, rounds));
                    LabRun.Outcome outcome = runner.run(solution, round);
                    solutionSeconds += seconds(outcome.runTime());
                    for (TestOutcome test : outcome.tests()) {
                        int[] count = passes.computeIfAbsent(test.id(), id -> new int[2]);
                        count[1]++;
                        anyRun.put(test.id(), test);
                        if (test.status() == Status.PASSED) {
                            count[0]++;
                        } else {
                            lastFailure.put(test.id(), test);
                        }
                    }
                    for (LabSheet.TaskInfo task : sheet.tasks()) {
                        List<TestOutcome> ofTask = outcome.tests().stream().filter(test -> Integer.valueOf(task.id()).equals(test.task())).toList();
                        boolean done = !ofTask.isEmpty() && ofTask.stream().allMatch(test -> test.status() == Status.PASSED);
                        roundsPassing.merge(task.id(), done ? 1 : 0, Integer::sum);
                    }
                    notes(lab, "solution", outcome, warnings);
                }
                solutionPassing = (int) sheet.tasks().stream().filter(task -> roundsPassing.getOrDefault(task.id(), 0) == rounds).count();
                for (Map.Entry<String, int[]> entry : passes.entrySet()) {
                    TestOutcome test = anyRun.get(entry.getKey());
                    int passed = entry.getValue()[0];
                    int runs = entry.getValue()[1];
                    TestOutcome failure = lastFailure.get(entry.getKey());
                    rates.add(new TestRate(test.displayName(), test.task(), test.origin().word(), passed, runs,
                            failure == null ? null : failure.status().word() + ": " + failure.message()));
                    if (passed < runs) {
                        String where = lab.number() + (test.task() == null ? "" : " Task " + test.task());
                        String how = rounds == 1 ? (failure.status() == Status.FAILED ? "fails" : "ends in " + failure.status().word())
                                : "passed only " + passed + " of " + runs + " runs (flaky)";
                        violations.add(where + ": " + test.origin().word() + " test " + test.displayName() + " " + how
                                + " on the solution: " + firstLine(failure.message()));
                    }
                    if (test.task() == null && !test.id().startsWith("compile:")) {
                        warnings.add(lab.number() + ": " + test.origin().word() + " test " + test.displayName()
                                + " belongs to no task (no @Task on it or its class)");
                    }
                }
                solutionSeconds = seconds(solution.compileTime()) + solutionSeconds / rounds;
            }
        }
        List<WrongImplementation> wrong = withWrong ? wrongImplementations(lab, violations) : List.of();
        return new LabReport(lab.id(), sheet.tasks().size(), starterFailing, solutionPassing, publicTests, hiddenTests,
                solutionOwnTests, round1(starterSeconds), round1(solutionSeconds), rounds, rates, wrong,
                dedupe(violations), dedupe(warnings));
    }

    /** The wrong implementations of a lab, each a patch applied to the solution and run with the public and hidden tests. */
    private List<WrongImplementation> wrongImplementations(Lab lab, List<String> violations) throws IOException {
        List<WrongImplementation> checked = new ArrayList<>();
        if (!Files.isDirectory(lab.wrongDir()) || !Files.isDirectory(lab.solutionSources())) {
            return checked;
        }
        if (lab.hiddenTests().isEmpty()) {
            violations.add(lab.number() + ": there are wrong implementations in " + course.root().relativize(lab.wrongDir())
                    + " but no hidden tests to catch them");
            return checked;
        }
        for (WrongPatch patch : WrongPatch.of(lab)) {
            String name = patch.name();
            long start = System.nanoTime();
            Path sources = work.resolve(lab.id()).resolve("wrong-sources").resolve(name);
            LabRun.deleteTree(sources);
            try {
                patch.applyTo(lab, sources);
            } catch (UserError e) {
                violations.add(lab.number() + " wrong implementation " + name + ": " + e.getMessage());
                checked.add(new WrongImplementation(name, false, List.of(), List.of(), 0));
                continue;
            }
            List<LabRun.TestRoot> tests = List.of(new LabRun.TestRoot(lab.publicTests(), Origin.PUBLIC),
                    new LabRun.TestRoot(lab.hiddenDir(), Origin.HIDDEN));
            say(lab, "wrong implementation " + name + ": compiling and running");
            LabRun.Prepared prepared = runner.prepare(new LabRun.Spec(lab, "wrong " + name, sources, work, tests, lab.testResources()),
                    work.resolve(lab.id()).resolve("wrong").resolve(name));
            String label = lab.number() + " wrong implementation " + name;
            if (!prepared.compiled()) {
                violations.add(label + " does not compile over the solution:\n" + indent(prepared.compilerMessages()));
                checked.add(new WrongImplementation(name, false, List.of(), List.of(), 0));
                continue;
            }
            LabRun.Outcome outcome = runner.run(prepared, 1);
            List<String> publicFailing = outcome.tests().stream().filter(test -> test.origin() == Origin.PUBLIC && !test.status().passed())
                    .map(TestOutcome::displayName).toList();
            List<String> hiddenFailing = outcome.tests().stream().filter(test -> test.origin() == Origin.HIDDEN && !test.status().passed())
                    .map(TestOutcome::displayName).toList();
            WrongImplementation result = new WrongImplementation(name, true, publicFailing, hiddenFailing,
                    round1((System.nanoTime() - start) / 1e9));
            checked.add(result);
            if (!publicFailing.isEmpty()) {
                violations.add(label + " fails public tests (" + String.join(", ", publicFailing)
                        + "): the public tests already catch it, so it proves nothing about the hidden ones");
            }
            if (hiddenFailing.isEmpty()) {
                violations.add(label + " passes every hidden test: no hidden test catches it");
            }
            say(lab, "wrong implementation " + name + ": " + (result.caught() ? "caught by " + String.join(", ", hiddenFailing) : "NOT caught as it should be"));
        }
        return checked;
    }

    private static void checkSheet(Lab lab, LabSheet sheet, List<String> violations) {
        if (sheet.tasks().isEmpty()) {
            violations.add(lab.number() + ": the lab sheet has no tasks (headings like `### Task 1: Title (10 points)`)");
            return;
        }
        Set<Integer> seen = new TreeSet<>();
        for (LabSheet.TaskInfo task : sheet.tasks()) {
            if (!seen.add(task.id())) {
                violations.add(lab.number() + ": the lab sheet has two tasks numbered " + task.id());
            }
        }
        if (sheet.totalPoints() != 100) {
            violations.add(lab.number() + ": the tasks' points add up to " + sheet.totalPoints() + ", not 100");
        }
    }

    private static void checkTaskCoverage(Lab lab, LabSheet sheet, LabRun.Prepared starter, List<String> violations, List<String> warnings) {
        Set<Integer> known = sheet.tasks().stream().map(LabSheet.TaskInfo::id).collect(Collectors.toSet());
        for (LabSheet.TaskInfo task : sheet.tasks()) {
            if (!hasPublicTest(starter, task.id())) {
                violations.add(lab.number() + " Task " + task.id() + ": has no public test (put @Task(" + task.id()
                        + ") on a test class or method in src/test/java)");
            }
        }
        for (PlannedTest test : starter.plan()) {
            Origin origin = starter.origins().getOrDefault(test.topLevelClass(), Origin.PUBLIC);
            if (test.task() != null && !known.contains(test.task())) {
                violations.add(lab.number() + ": " + origin.word() + " test " + test.displayName() + " is tagged @Task("
                        + test.task() + "), but the lab sheet has no Task " + test.task());
            } else if (test.task() == null) {
                warnings.add(lab.number() + ": " + origin.word() + " test " + test.displayName() + " belongs to no task (no @Task on it or its class)");
            }
        }
    }

    private static boolean hasPublicTest(LabRun.Prepared prepared, int task) {
        return prepared.plan().stream().anyMatch(test -> Integer.valueOf(task).equals(test.task())
                && prepared.origins().getOrDefault(test.topLevelClass(), Origin.PUBLIC) == Origin.PUBLIC);
    }

    private static int count(List<PlannedTest> plan, LabRun.Prepared prepared, Origin origin) {
        return (int) plan.stream().filter(test -> prepared.origins().getOrDefault(test.topLevelClass(), Origin.PUBLIC) == origin).count();
    }

    private void uncompiled(Lab lab, LabRun.Prepared prepared, String what, List<String> violations) {
        for (LabRun.UncompiledTestFile file : prepared.uncompiledTests()) {
            violations.add(lab.number() + ": " + file.origin().word() + " test file " + course.root().relativize(file.file())
                    + " does not compile against the " + what + ":\n" + indent(file.messages()));
        }
    }

    private static void notes(Lab lab, String what, LabRun.Outcome outcome, List<String> warnings) {
        outcome.notes().forEach(note -> warnings.add(lab.number() + " " + what + ": " + note));
    }

    private void say(Lab lab, String what) {
        progress.println("[calibrate] " + lab.id() + ": " + what);
        progress.flush();
    }

    private static String roundLabel(int round, int rounds) {
        return rounds == 1 ? "" : " (run " + round + " of " + rounds + ")";
    }

    private static String indent(String text) {
        return text.lines().map(line -> "    " + line).collect(Collectors.joining("\n"));
    }

    static String firstLine(String text) {
        if (text == null) {
            return "(no message)";
        }
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 297) + "..." : line;
    }

    private static List<String> dedupe(List<String> items) {
        return List.copyOf(new java.util.LinkedHashSet<>(items));
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
