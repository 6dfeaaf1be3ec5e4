package workbook.checker.report;

import workbook.checker.grade.GradeReport;

import java.util.List;

/**
 * The report as a student may see it: a hidden test keeps its name, task and status, but its
 * message becomes one written for students, and what it printed is dropped (its assertions, its
 * inputs, or code that printed the hidden sources would otherwise show). Only the instructor's
 * grade.json keeps the details.
 */
public final class StudentView {
    static final String OUTPUT_NOTE = "Its last output:";

    private StudentView() {
    }

    public static GradeReport of(GradeReport report) {
        List<GradeReport.LabGrade> labs = report.labs().stream().map(StudentView::lab).toList();
        return new GradeReport(report.checkerVersion(), report.gradedAt(), report.student(), report.submission(), report.submissionKind(),
                report.status(), report.problem(), report.pointsEarned(), report.pointsPossible(), report.seconds(), report.testSetHash(), labs,
                report.isolation());
    }

    private static GradeReport.LabGrade lab(GradeReport.LabGrade lab) {
        boolean anyHidden = lab.tests().stream().anyMatch(StudentView::hidden);
        // A JVM's last output can hold anything a hidden test or the code under it printed.
        List<String> notes = anyHidden ? lab.notes().stream().map(note -> note.contains(OUTPUT_NOTE)
                ? note.substring(0, note.indexOf(OUTPUT_NOTE)).strip() : note).toList() : lab.notes();
        List<GradeReport.TestGrade> tests = lab.tests().stream().map(test -> hidden(test)
                ? new GradeReport.TestGrade(test.name(), test.className(), test.method(), test.task(), test.origin(), test.status(),
                test.passed() ? null : messageFor(test), null, test.millis())
                : test).toList();
        return new GradeReport.LabGrade(lab.lab(), lab.title(), lab.status(), lab.pointsEarned(), lab.pointsPossible(),
                lab.compilerMessages(), notes, lab.testChanges(), lab.testSetHash(), lab.seconds(), lab.sheet(), lab.slides(),
                lab.tasks(), tests);
    }

    private static boolean hidden(GradeReport.TestGrade test) {
        return "hidden".equals(test.origin());
    }

    /** What a student reads for a hidden test that did not pass. */
    static String messageFor(GradeReport.TestGrade test) {
        String task = test.task() == null ? "this lab" : "Task " + test.task();
        return switch (test.status()) {
            case "timeout" -> "a hidden test of " + task + " did not finish in time: look for a loop or a wait that never ends, "
                    + "and re-read the task's requirements.";
            case "error" -> "a hidden test of " + task + " ended with an error (an exception from your code, a crash, "
                    + "or it could not run): re-read the task's requirements, including the cases the public tests do not show.";
            case "skipped" -> "a hidden test of " + task + " was skipped.";
            default -> "a hidden test of " + task + " failed: re-read the task's requirements, "
                    + "including the cases the public tests do not show.";
        };
    }
}
