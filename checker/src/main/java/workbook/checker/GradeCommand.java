package workbook.checker;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import workbook.checker.course.Course;
import workbook.checker.course.Lab;
import workbook.checker.grade.GradeReport;
import workbook.checker.grade.Grader;
import workbook.checker.grade.Submission;
import workbook.checker.report.GradeTable;
import workbook.checker.report.Links;
import workbook.checker.report.Reports;
import workbook.checker.run.LabRun;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "grade", mixinStandardHelpOptions = true,
        description = "Grades one student's working copy (a folder, a .zip or a git bundle) with the course's own public tests and the hidden tests, and writes the reports: grade.json, feedback.md, feedback.html, junit.xml, gradebook.csv and classroom.json.")
final class GradeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SUBMISSION", description = "The student's copy of the workbook: a folder, a .zip or a git bundle.")
    Path submission;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--student", paramLabel = "NAME", description = "The name in the reports (default: the file or folder name).")
    String student;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the reports go (default: checker/target/grades/<student>).")
    Path out;

    @Option(names = "--links", paramLabel = "URL",
            description = "Base of the links to lab sheets and slides in the feedback, such as https://github.com/org/workbook/blob/main/ (default: paths from the repository root).")
    String links;

    @Override
    public Integer call() throws Exception {
        Course course = common.course();
        List<Lab> labs = course.select(common.labs);
        String name = student != null ? student : Submission.nameOf(submission.toAbsolutePath().normalize());
        Path work = common.work(course, "grade").resolve(Submission.folderName(name));
        WorkLock.claim(work, "grade");
        Path reports = out != null ? out : course.root().resolve("checker/target/grades").resolve(Submission.folderName(name));
        PrintWriter err = spec.commandLine().getErr();
        GradeReport report;
        try {
            Submission opened = Submission.open(submission, name, work.resolve("submission"));
            Grader grader = new Grader(course, common.runner(work.resolve("jvm-tmp")), work.resolve("labs"), err);
            report = grader.grade(opened, labs);
        } finally {
            // The unpacked copy (up to 500 MB) and the compiled classes are not kept, whatever happened.
            for (String scratch : List.of("submission", "labs", "jvm-tmp")) {
                LabRun.deleteTree(work.resolve(scratch));
            }
        }
        Reports.write(report, reports, new Links(links));
        PrintWriter output = spec.commandLine().getOut();
        output.print(GradeTable.render(report));
        output.println();
        output.println("Reports in " + reports.toAbsolutePath() + ": feedback.md, feedback.html, grade.json, junit.xml, gradebook.csv, classroom.json");
        output.flush();
        return 0;
    }
}
