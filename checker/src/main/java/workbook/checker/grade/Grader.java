package workbook.checker.grade;

import workbook.checker.Version;
import workbook.checker.course.Course;
import workbook.checker.course.Lab;
import workbook.checker.run.LabRun;
import workbook.checker.run.Origin;
import workbook.checker.run.Policy;
import workbook.checker.run.TestOutcome;
import workbook.labkit.progress.LabResults;
import workbook.labkit.progress.LabSheet;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Grades a submission: for each lab, the student's {@code src/main/java} is compiled against the
 * course's lab kit and run with the course's own copy of the public tests plus the hidden tests,
 * never the student's test files. A lab that does not compile scores 0 with the compiler's
 * messages; the other labs are graded all the same.
 */
public final class Grader {
    private final Course course;
    private final LabRun runner;
    private final Path work;
    private final PrintWriter progress;

    /** @param work scratch folder of this submission (compiled classes, test JVM files) */
    public Grader(Course course, LabRun runner, Path work, PrintWriter progress) {
        this.course = course;
        this.runner = runner;
        this.work = work;
        this.progress = progress;
    }

    public GradeReport grade(Submission submission, List<Lab> labs) throws IOException {
        long start = System.nanoTime();
        List<GradeReport.LabGrade> grades = new ArrayList<>();
        for (Lab lab : labs) {
            grades.add(gradeLab(submission, lab));
        }
        return report(submission.name(), submission.source().toString(), submission.kind(), "graded", null, grades,
                (System.nanoTime() - start) / 1e9);
    }

    /** The report for a submission that could not be opened at all: every lab scores 0, with the reason. */
    public GradeReport unreadable(String student, Path source, String problem, List<Lab> labs) {
        List<GradeReport.LabGrade> grades = new ArrayList<>();
        for (Lab lab : labs) {
            LabSheet sheet = lab.sheet();
            grades.add(new GradeReport.LabGrade(lab.id(), sheet.title(), "unreadable", 0, sheet.totalPoints(), null,
                    List.of("The submission could not be read: " + problem), new TestFiles.Changes(List.of(), List.of(), List.of()),
                    testSetHash(lab), 0, sheetPath(lab), slidesPath(lab), tasks(sheet, List.of()), List.of()));
        }
        return report(student, source.toString(), "unreadable", "unreadable", problem, grades, 0);
    }

    /** Files of the student's src/main/java that sit at the path of one of the lab's given classes. */
    private static List<String> givenCopies(Path studentLab, Lab lab) throws IOException {
        List<String> copies = new ArrayList<>();
        Path main = studentLab.resolve("src/main/java");
        if (!Files.isDirectory(lab.givenSources())) {
            return copies;
        }
        try (var walk = Files.walk(main)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                if (Files.exists(lab.givenSources().resolve(main.relativize(file).toString()))) {
                    copies.add(studentLab.relativize(file).toString().replace('\\', '/'));
                }
            }
        }
        return copies;
    }

    private GradeReport report(String student, String source, String kind, String status, String problem,
                               List<GradeReport.LabGrade> grades, double seconds) {
        int earned = grades.stream().mapToInt(GradeReport.LabGrade::pointsEarned).sum();
        int possible = grades.stream().mapToInt(GradeReport.LabGrade::pointsPossible).sum();
        return new GradeReport(Version.current(), Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(), student, source, kind, status, problem,
                earned, possible, Math.round(seconds * 10) / 10.0, combinedHash(grades), List.copyOf(grades), runner.isolation());
    }

    private GradeReport.LabGrade gradeLab(Submission submission, Lab lab) throws IOException {
        long start = System.nanoTime();
        LabSheet sheet = lab.sheet();
        Path studentLab = submission.root().resolve("labs").resolve(lab.id());
        TestFiles.Changes changes = TestFiles.compare(lab.dir(), studentLab);
        List<String> notes = new ArrayList<>();
        if (!Files.isDirectory(studentLab.resolve("src/main/java"))) {
            say(submission, lab, "not in the submission");
            notes.add("labs/" + lab.id() + "/src/main/java is not in the submission, so there was nothing to grade.");
            return new GradeReport.LabGrade(lab.id(), sheet.title(), "missing", 0, sheet.totalPoints(), null, notes, changes,
                    testSetHash(lab), 0, sheetPath(lab), slidesPath(lab), tasks(sheet, List.of()), List.of());
        }
        String linkProblem = submission.linkProblem(lab.id());
        if (linkProblem != null) {
            say(submission, lab, "refused: " + linkProblem);
            notes.add(linkProblem);
            return new GradeReport.LabGrade(lab.id(), sheet.title(), "refused", 0, sheet.totalPoints(), null, notes, changes,
                    testSetHash(lab), 0, sheetPath(lab), slidesPath(lab), tasks(sheet, List.of()), List.of());
        }
        List<LabRun.TestRoot> tests = new ArrayList<>();
        tests.add(new LabRun.TestRoot(lab.publicTests(), Origin.PUBLIC));
        lab.hiddenTests().ifPresent(dir -> tests.add(new LabRun.TestRoot(dir, Origin.HIDDEN)));
        // The student's src/main/java, compiled with the course's pristine given code (never the submission's copy).
        LabRun.Spec spec = new LabRun.Spec(lab, submission.name(), studentLab.resolve("src/main/java"), submission.root(),
                tests, lab.testResources());
        givenCopies(studentLab, lab).forEach(path -> notes.add("labs/" + lab.id() + "/" + path + " is a copy of a given class (src/given/java): "
                + "grading used the course's copy, so edit only the classes in src/main/java that the lab sheet names."));
        say(submission, lab, "compiling");
        LabRun.Prepared prepared = runner.prepare(spec, work.resolve(lab.id()));
        if (!prepared.compiled()) {
            say(submission, lab, "does not compile: 0/" + sheet.totalPoints());
            return new GradeReport.LabGrade(lab.id(), sheet.title(), "not compiling", 0, sheet.totalPoints(),
                    prepared.compilerMessages(), notes, changes, testSetHash(lab), seconds(start), sheetPath(lab), slidesPath(lab),
                    tasks(sheet, List.of()), List.of());
        }
        List<Policy.Violation> violations = Policy.check(prepared.work().resolve("main-classes"), lab.givenSources(),
                prepared.classpath(), lab.hiddenDir());
        if (!violations.isEmpty()) {
            say(submission, lab, "breaks the bytecode policy: 0/" + sheet.totalPoints());
            notes.add("Your code uses what grading does not allow, so no test ran and the lab scores 0. Remove each of these calls:");
            violations.forEach(violation -> notes.add("  " + violation.describe()));
            return new GradeReport.LabGrade(lab.id(), sheet.title(), "refused by the policy", 0, sheet.totalPoints(), null, notes, changes,
                    testSetHash(lab), seconds(start), sheetPath(lab), slidesPath(lab), tasks(sheet, List.of()), List.of());
        }
        say(submission, lab, "running " + prepared.plan().size() + " tests");
        LabRun.Outcome outcome = runner.run(prepared, 1);
        notes.addAll(outcome.notes());
        List<GradeReport.TestGrade> testGrades = outcome.tests().stream().map(Grader::testGrade).toList();
        List<GradeReport.TaskGrade> taskGrades = tasks(sheet, outcome.tests());
        int earned = taskGrades.stream().mapToInt(GradeReport.TaskGrade::earned).sum();
        say(submission, lab, earned + "/" + sheet.totalPoints() + " points in " + String.format("%.1f s", seconds(start)));
        return new GradeReport.LabGrade(lab.id(), sheet.title(), "graded", earned, sheet.totalPoints(), null, notes, changes,
                testSetHash(lab), seconds(start), sheetPath(lab), slidesPath(lab), taskGrades, testGrades);
    }

    /** Points per task, by the lab kit's rule: a task's points need every one of its tests to pass. */
    private static List<GradeReport.TaskGrade> tasks(LabSheet sheet, List<TestOutcome> tests) {
        List<LabResults.TestResult> asLabKit = tests.stream().map(test -> new LabResults.TestResult(test.id(), test.className(),
                test.methodName(), test.displayName(), test.task(), LabResults.Status.valueOf(test.status().name()), test.message(),
                test.millis(), null, null)).toList();
        LabResults scored = LabResults.of(sheet, true, asLabKit);
        Map<Integer, String> anchors = new LinkedHashMap<>();
        sheet.tasks().forEach(task -> anchors.put(task.id(), task.anchor()));
        return scored.tasks().stream().map(task -> new GradeReport.TaskGrade(task.id(), task.title(), anchors.get(task.id()),
                task.points(), task.earned(), task.tests(), task.passed())).toList();
    }

    private static GradeReport.TestGrade testGrade(TestOutcome test) {
        return new GradeReport.TestGrade(test.displayName(), test.className(), test.methodName(), test.task(), test.origin().word(),
                test.status().word(), test.message(), test.output(), test.millis());
    }

    /** The tests that grade a lab: its public tests and resources, and its hidden tests. */
    public static String testSetHash(Lab lab) {
        Map<String, Path> folders = new LinkedHashMap<>();
        folders.put("public", lab.publicTests());
        folders.put("resources", lab.testResources());
        folders.put("hidden", lab.hiddenDir());
        folders.put("given", lab.givenSources());
        return TestFiles.hash(folders);
    }

    private static String combinedHash(List<GradeReport.LabGrade> grades) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (GradeReport.LabGrade grade : grades) {
                digest.update((grade.lab() + "=" + grade.testSetHash() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String sheetPath(Lab lab) {
        return "labs/" + lab.id() + "/README.md";
    }

    private String slidesPath(Lab lab) {
        return course.slides(lab).map(path -> course.root().relativize(path).toString().replace('\\', '/')).orElse(null);
    }

    private void say(Submission submission, Lab lab, String what) {
        progress.println("[grade] " + submission.name() + ": " + lab.id() + ": " + what);
        progress.flush();
    }

    private static double seconds(long startNanos) {
        return Math.round((System.nanoTime() - startNanos) / 1e8) / 10.0;
    }
}
