package workbook.checker.batch;

import workbook.checker.UserError;
import workbook.checker.grade.GradeReport;
import workbook.checker.report.Files2;
import workbook.checker.report.Gradebook;
import workbook.checker.report.Reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Combines the output folders of sharded batch runs: each student's report folder, and one gradebook over all of them. */
public final class GradebookMerge {
    private GradebookMerge() {
    }

    public record Result(int students, Path gradebook) {
    }

    public static Result merge(List<Path> folders, Path out) throws IOException {
        Map<String, Path> students = new TreeMap<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                throw new UserError("There is no batch output folder at " + folder.toAbsolutePath() + ".");
            }
            try (Stream<Path> entries = Files.list(folder)) {
                for (Path student : entries.filter(entry -> Files.isRegularFile(entry.resolve(Reports.GRADE_JSON))).sorted().toList()) {
                    Path earlier = students.put(student.getFileName().toString(), student);
                    if (earlier != null) {
                        throw new UserError("Student " + student.getFileName() + " was graded in two folders (" + earlier.getParent()
                                + " and " + folder + "): were the shards' K/N the same on every machine?");
                    }
                }
            }
        }
        Files.createDirectories(out);
        List<GradeReport> reports = new ArrayList<>();
        TreeSet<String> labs = new TreeSet<>();
        for (Map.Entry<String, Path> student : students.entrySet()) {
            GradeReport report = Reports.read(student.getValue());
            reports.add(report);
            report.labs().forEach(lab -> labs.add(lab.lab()));
            Path target = out.resolve(student.getKey());
            if (!target.toAbsolutePath().normalize().equals(student.getValue().toAbsolutePath().normalize())) {
                copyFolder(student.getValue(), target);
            }
        }
        Path gradebook = out.resolve("gradebook.csv");
        Files2.writeAtomically(gradebook, Gradebook.csv(List.copyOf(labs), reports));
        return new Result(reports.size(), gradebook);
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, to.resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
