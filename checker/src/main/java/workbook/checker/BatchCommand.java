package workbook.checker;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import workbook.checker.batch.Batch;
import workbook.checker.course.Course;
import workbook.checker.course.Lab;
import workbook.checker.report.Links;
import workbook.checker.run.LabClasspath;
import workbook.checker.run.LabRun;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "batch", mixinStandardHelpOptions = true,
        description = "Grades every submission in a folder (one folder, .zip or .bundle per student) into one gradebook CSV and one set of reports per student. Run it again after an interruption: finished students are kept.")
final class BatchCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FOLDER", description = "The folder of submissions, one per student.")
    Path folder;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the gradebook and the reports go (default: <FOLDER>-grades next to FOLDER).")
    Path out;

    @Option(names = "--parallel", paramLabel = "N", description = "Submissions graded at the same time (default: 1; each uses a JVM and servers of its own).")
    int parallel = 1;

    @Option(names = "--regrade", description = "Grade every submission again, even those already graded.")
    boolean regrade;

    @Option(names = "--links", paramLabel = "URL", description = "Base of the links to lab sheets and slides in the feedback (see grade --help).")
    String links;

    @Option(names = "--shard", paramLabel = "K/N",
            description = "Grade only the K-th of N disjoint slices of the class (by a hash of the student's name), for grading on N machines; combine the slices with `gradebook merge`.")
    String shard;

    @Override
    public Integer call() throws Exception {
        if (parallel < 1 || parallel > 16) {
            throw new UserError("--parallel must be between 1 and 16, not " + parallel + ".");
        }
        Course course = common.course();
        List<Lab> labs = course.select(common.labs);
        Path submissions = folder.toAbsolutePath().normalize();
        Path reports = out != null ? out.toAbsolutePath() : submissions.resolveSibling(submissions.getFileName() + "-grades");
        Path work = common.work(course, "batch");
        WorkLock.claim(work, "batch");
        List<Path> classpath = LabClasspath.load();
        workbook.checker.run.Sandbox sandbox = common.sandbox();
        PrintWriter err = spec.commandLine().getErr();
        Batch batch = new Batch(course, labs, work.resolve("submissions"), reports, new Links(links),
                slot -> new LabRun(classpath, common.limits(), work.resolve("jvm-tmp/slot-" + slot), sandbox), err);
        Batch.Summary summary = batch.run(submissions, parallel, regrade,
                shard == null ? workbook.checker.batch.Shard.WHOLE : workbook.checker.batch.Shard.parse(shard));
        PrintWriter output = spec.commandLine().getOut();
        output.printf("%nGraded %d, already graded before %d, failed %d. Gradebook: %s%n", summary.graded().size(),
                summary.skipped().size(), summary.failed().size(), summary.gradebook());
        summary.failed().forEach((student, why) -> output.println("  not graded: " + student + ": " + why));
        output.println("Reports per student: " + reports + "/<student>/feedback.md (and .html, grade.json, junit.xml)");
        output.flush();
        return summary.failed().isEmpty() ? 0 : 1;
    }
}
