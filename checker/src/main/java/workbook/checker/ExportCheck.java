package workbook.checker;

import workbook.checker.course.Course;
import workbook.checker.export.ExportBuild;
import workbook.checker.export.LeakCheck;
import workbook.checker.export.StudentEdition;
import workbook.checker.run.LabRun;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Calibration's look at the student edition: written to a scratch folder, scanned for solution code, built. */
final class ExportCheck {
    private ExportCheck() {
    }

    record Result(int files, int leaks, boolean builds, double seconds, List<String> violations) {
    }

    static Result run(Course course, Path scratch, PrintWriter progress) throws IOException {
        long start = System.nanoTime();
        progress.println("[calibrate] student edition: exporting, scanning for solution code, building");
        progress.flush();
        Path folder = scratch.resolve("student-edition");
        LabRun.deleteTree(folder);
        List<String> violations = new ArrayList<>();
        int files = new StudentEdition(course).writeFolder(folder, false).size();
        List<LeakCheck.Leak> leaks = LeakCheck.scan(course, folder);
        leaks.forEach(leak -> violations.add("student edition: " + leak));
        ExportBuild.Result build = ExportBuild.build(folder);
        if (!build.ok()) {
            violations.add("student edition: it does not build on its own (mvn verify -DskipTests in "
                    + folder + "):\n" + build.logTail());
        }
        return new Result(files, leaks.size(), build.ok(), Math.round((System.nanoTime() - start) / 1e8) / 10.0, violations);
    }
}
