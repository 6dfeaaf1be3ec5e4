package workbook.checker.report;

import workbook.checker.grade.GradeReport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Writes every report of one graded submission into a folder; grade.json last, as the mark of a finished grade. */
public final class Reports {
    public static final String GRADE_JSON = "grade.json";

    private Reports() {
    }

    /** Every report but grade.json shows hidden tests as {@link StudentView} does: those may reach the student. */
    public static void write(GradeReport report, Path folder, Links links) throws IOException {
        GradeReport forStudent = StudentView.of(report);
        Files2.writeAtomically(folder.resolve("feedback.md"), Feedback.markdown(forStudent, links));
        Files2.writeAtomically(folder.resolve("feedback.html"), Feedback.html(forStudent, links));
        Files2.writeAtomically(folder.resolve("junit.xml"), JUnitXml.render(forStudent));
        Files2.writeAtomically(folder.resolve("gradebook.csv"),
                Gradebook.csv(report.labs().stream().map(GradeReport.LabGrade::lab).toList(), List.of(report)));
        Json.write(folder.resolve("classroom.json"), ClassroomResult.of(forStudent));
        Json.write(folder.resolve(GRADE_JSON), report);
    }

    public static GradeReport read(Path folder) throws IOException {
        return Json.read(folder.resolve(GRADE_JSON), GradeReport.class);
    }
}
