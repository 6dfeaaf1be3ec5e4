package workbook.checker.report;

import workbook.checker.grade.GradeReport;

/** The terminal view of a grade: one row per lab, then its tasks, then what to look at. */
public final class GradeTable {
    private GradeTable() {
    }

    public static String render(GradeReport report) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%nSubmission %s (%s): %d/%d points%n", report.student(), report.submissionKind(),
                report.pointsEarned(), report.pointsPossible()));
        if (report.problem() != null) {
            out.append("  ").append(report.problem()).append('\n');
        }
        TextTable labs = new TextTable("lab", "points", "tasks done", "tests passed", "status", "seconds");
        for (GradeReport.LabGrade lab : report.labs()) {
            long done = lab.tasks().stream().filter(task -> task.earned() == task.points() && task.tests() > 0).count();
            long passed = lab.tests().stream().filter(GradeReport.TestGrade::passed).count();
            labs.row(lab.lab(), lab.pointsEarned() + "/" + lab.pointsPossible(), done + "/" + lab.tasks().size(),
                    passed + "/" + lab.tests().size(), lab.status(), String.format("%.1f", lab.seconds()));
        }
        out.append('\n').append(labs.render());
        for (GradeReport.LabGrade lab : report.labs()) {
            out.append('\n').append(lab.title()).append(" (").append(lab.lab()).append(")\n");
            for (GradeReport.TaskGrade task : lab.tasks()) {
                out.append(String.format("  %s Task %d  %-40s %3d/%-3d %d/%d tests%n", task.earned() == task.points() && task.tests() > 0 ? "[x]" : "[ ]",
                        task.id(), shorten(task.title(), 40), task.earned(), task.points(), task.passed(), task.tests()));
            }
            if (lab.compilerMessages() != null) {
                out.append("  Does not compile:\n");
                Text.cap(lab.compilerMessages(), 3000).lines().forEach(line -> out.append("    ").append(line).append('\n'));
            }
            lab.tests().stream().filter(test -> !test.passed()).limit(8).forEach(test ->
                    out.append("  ").append(test.status().toUpperCase()).append("  ").append(test.name())
                            .append("hidden".equals(test.origin()) ? " (hidden)" : "").append(": ")
                            .append(shorten(Text.firstLine(test.message()), 160)).append('\n'));
            long more = lab.tests().stream().filter(test -> !test.passed()).count() - 8;
            if (more > 0) {
                out.append("  ... and ").append(more).append(" more failing tests (see the feedback report)\n");
            }
            lab.notes().forEach(note -> out.append("  note: ").append(note.replace("\n", "\n        ")).append('\n'));
            if (lab.testChanges().any()) {
                out.append("  test or given files changed in the submission (ignored: grading uses the course's copy): ")
                        .append(lab.testChanges().changed().size()).append(" changed, ")
                        .append(lab.testChanges().removed().size()).append(" removed, ")
                        .append(lab.testChanges().added().size()).append(" added\n");
            }
        }
        return out.toString();
    }

    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
