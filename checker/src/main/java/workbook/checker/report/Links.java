package workbook.checker.report;

import workbook.checker.grade.GradeReport;

/**
 * Links from a report into the course: the lab sheet's task and the slides. With a base such as
 * {@code https://github.com/org/workbook/blob/main/} they open on GitHub; without one they are
 * paths from the repository root.
 */
public record Links(String base) {
    public static Links relative() {
        return new Links("");
    }

    public Links {
        base = base == null ? "" : (base.isEmpty() || base.endsWith("/") ? base : base + "/");
    }

    public String sheet(GradeReport.LabGrade lab) {
        return base + lab.sheet();
    }

    public String task(GradeReport.LabGrade lab, GradeReport.TaskGrade task) {
        return base + lab.sheet() + "#" + task.anchor();
    }

    /** The slides, or null when the lab has none yet. */
    public String slides(GradeReport.LabGrade lab) {
        return lab.slides() == null ? null : base + lab.slides();
    }
}
