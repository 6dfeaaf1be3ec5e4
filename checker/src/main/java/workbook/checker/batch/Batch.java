package workbook.checker.batch;

import workbook.checker.UserError;
import workbook.checker.course.Course;
import workbook.checker.course.Lab;
import workbook.checker.grade.GradeReport;
import workbook.checker.grade.Grader;
import workbook.checker.grade.Submission;
import workbook.checker.report.Files2;
import workbook.checker.report.Gradebook;
import workbook.checker.report.Links;
import workbook.checker.report.Reports;
import workbook.checker.run.LabRun;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * Grades every submission in a folder, a few at a time, into one gradebook and one set of reports
 * per student. A submission that cannot be read scores 0 with the reason; an interrupted batch,
 * run again, grades only what it had not finished (a student's grade.json, written last, marks a
 * finished grade), and the gradebook is rewritten whole after each student, so nothing written is lost.
 */
public final class Batch {
    private final Course course;
    private final List<Lab> labs;
    private final Path work;
    private final Path out;
    private final Links links;
    private final IntFunction<LabRun> runners;
    private final PrintWriter progress;

    /** @param runners a LabRun for each parallel slot (each needs its own scratch folder) */
    public Batch(Course course, List<Lab> labs, Path work, Path out, Links links, IntFunction<LabRun> runners, PrintWriter progress) {
        this.course = course;
        this.labs = labs;
        this.work = work;
        this.out = out;
        this.links = links;
        this.runners = runners;
        this.progress = progress;
    }

    /** What became of the batch: graded now, graded before, and failed (not graded because the checker broke). */
    public record Summary(List<String> graded, List<String> skipped, Map<String, String> failed, Path gradebook) {
    }

    public Summary run(Path folder, int parallel, boolean regrade) throws IOException, InterruptedException {
        return run(folder, parallel, regrade, Shard.WHOLE);
    }

    /** Grades the students of one shard only: several machines can each take a shard of a class. */
    public Summary run(Path folder, int parallel, boolean regrade, Shard shard) throws IOException, InterruptedException {
        Map<String, Path> submissions = list(folder);
        submissions.keySet().removeIf(student -> !shard.includes(student));
        submissions.values().removeIf(path -> path.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize()));
        List<String> graded = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Map<String, String> failed = new HashMap<>();
        List<String> todo = new ArrayList<>();
        for (String student : submissions.keySet()) {
            if (!regrade && Files.isRegularFile(reportFolder(student).resolve(Reports.GRADE_JSON))) {
                skipped.add(student);
            } else {
                todo.add(student);
            }
        }
        say("batch", submissions.size() + " submissions in " + folder + "; " + skipped.size() + " already graded, "
                + todo.size() + " to grade, " + parallel + " at a time");
        writeGradebook(submissions.keySet());
        BlockingQueue<Integer> slots = new ArrayBlockingQueue<>(parallel);
        for (int slot = 1; slot <= parallel; slot++) {
            slots.add(slot);
        }
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (String student : todo) {
                running.add(pool.submit(() -> {
                    int slot = slots.take();
                    try {
                        gradeOne(student, submissions.get(student), runners.apply(slot));
                        synchronized (graded) {
                            graded.add(student);
                        }
                    } catch (RuntimeException | IOException e) {
                        synchronized (failed) {
                            failed.put(student, e.toString());
                        }
                        say(student, "NOT GRADED, the checker failed: " + e + " (run the batch again to retry)");
                    } finally {
                        slots.put(slot);
                        writeGradebook(submissions.keySet());
                    }
                    return null;
                }));
            }
            for (Future<?> future : running) {
                try {
                    future.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new Summary(graded, skipped, failed, writeGradebook(submissions.keySet()));
    }

    private void gradeOne(String student, Path source, LabRun runner) throws IOException {
        Path scratch = work.resolve(student);
        Grader grader = new Grader(course, runner, scratch.resolve("labs"), progress);
        GradeReport report;
        try {
            Submission submission = Submission.open(source, student, scratch.resolve("submission"));
            report = grader.grade(submission, labs);
        } catch (UserError unreadable) {
            say(student, "unreadable: " + unreadable.getMessage());
            report = grader.unreadable(student, source, unreadable.getMessage(), labs);
        } finally {
            LabRun.deleteTree(scratch); // the unpacked copy goes, whatever happened
        }
        Reports.write(report, reportFolder(student), links);
        say(student, report.pointsEarned() + "/" + report.pointsPossible() + " points");
    }

    /** Submissions by student name: every folder, .zip and .bundle in the folder. */
    static Map<String, Path> list(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new UserError("There is no folder of submissions at " + folder.toAbsolutePath() + ".");
        }
        Map<String, Path> found = new java.util.TreeMap<>();
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : entries.sorted().toList()) {
                if (!Submission.looksLikeSubmission(entry)) {
                    continue;
                }
                String name = Submission.folderName(Submission.nameOf(entry));
                Path earlier = found.put(name, entry);
                if (earlier != null) {
                    throw new UserError("Two submissions belong to '" + name + "': " + earlier.getFileName() + " and "
                            + entry.getFileName() + ". Keep one per student.");
                }
            }
        }
        if (found.isEmpty()) {
            throw new UserError("No submissions in " + folder.toAbsolutePath() + ": put one folder, .zip or .bundle per student there.");
        }
        return found;
    }

    private Path reportFolder(String student) {
        return out.resolve(student);
    }

    /** The gradebook from every finished grade, rewritten whole (atomically) each time. */
    private synchronized Path writeGradebook(Iterable<String> students) throws IOException {
        List<GradeReport> reports = new ArrayList<>();
        for (String student : students) {
            Path folder = reportFolder(student);
            if (Files.isRegularFile(folder.resolve(Reports.GRADE_JSON))) {
                try {
                    reports.add(Reports.read(folder));
                } catch (IOException e) {
                    say(student, "its grade.json cannot be read (" + e.getMessage() + "); it will be graded again next run");
                    Files.deleteIfExists(folder.resolve(Reports.GRADE_JSON));
                }
            }
        }
        Path gradebook = out.resolve("gradebook.csv");
        Files2.writeAtomically(gradebook, Gradebook.csv(labs.stream().map(Lab::id).toList(), reports));
        return gradebook;
    }

    private void say(String who, String what) {
        progress.println("[batch] " + who + ": " + what);
        progress.flush();
    }
}
