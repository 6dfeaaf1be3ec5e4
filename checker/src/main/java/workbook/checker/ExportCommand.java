package workbook.checker;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import workbook.checker.course.Course;
import workbook.checker.course.Lab;
import workbook.checker.export.ExportBuild;
import workbook.checker.export.LeakCheck;
import workbook.checker.export.StudentEdition;
import workbook.checker.run.LabRun;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Writes the student edition (the registered labs, the lab kit, slides, the launcher and a student README; no solutions, hidden tests or checker) as a folder or a .zip, and checks that it holds no solution code.")
final class ExportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "TARGET", description = "A new folder, or a file ending in .zip.")
    Path target;

    @Option(names = "--root", paramLabel = "DIR", description = "The course repository (default: the nearest folder upwards holding labs/pom.xml).")
    Path root;

    @Option(names = "--with-workflow", description = "Add the grading workflow for GitHub Classroom as .github/workflows/grade.yml.")
    boolean withWorkflow;

    @Option(names = "--verify", description = "Also build the edition with Maven and run `mvn test` in each of its labs (slow).")
    boolean verify;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Course course = CommonOptions.courseAt(root);
        PrintWriter out = spec.commandLine().getOut();
        StudentEdition edition = new StudentEdition(course);
        Path folder;
        if (target.getFileName().toString().toLowerCase().endsWith(".zip")) {
            Path scratch = course.root().resolve("checker/target/work/export");
            WorkLock.claim(scratch, "export");
            edition.writeZip(target, scratch, withWorkflow);
            folder = scratch.resolve("student-edition");
            out.println("Wrote " + target.toAbsolutePath() + " (" + course.labs().size() + " labs). Note: zip files keep no "
                    + "executable bits; students run `chmod +x workbook` once, or use the folder export.");
        } else {
            List<Path> files = edition.writeFolder(target, withWorkflow);
            folder = target.toAbsolutePath();
            out.println("Wrote " + files.size() + " files to " + folder + " (" + course.labs().size() + " labs).");
        }
        List<LeakCheck.Leak> leaks = LeakCheck.scan(course, folder);
        leaks.forEach(leak -> out.println("  LEAK: " + leak));
        boolean ok = leaks.isEmpty();
        if (verify) {
            ok &= report(out, ExportBuild.build(folder));
            ok &= report(out, ExportBuild.labTests(folder, course.labs().stream().map(Lab::id).toList()));
            // Leave the folder as students get it.
            for (Lab lab : course.labs()) {
                LabRun.deleteTree(folder.resolve("labs").resolve(lab.id()).resolve("target"));
            }
            LabRun.deleteTree(folder.resolve("labs/labkit/target"));
            LabRun.deleteTree(folder.resolve("labs/target"));
            LabRun.deleteTree(folder.resolve("target"));
        }
        out.println(ok ? "The student edition is clean" + (verify ? " and builds; mvn test runs in every lab." : ".")
                : "The student edition has problems (above).");
        out.flush();
        return ok ? 0 : 1;
    }

    private static boolean report(PrintWriter out, ExportBuild.Result result) {
        out.printf("  %s: %s (%.1f s)%n", result.ok() ? "ok" : "FAILED", result.what(), result.seconds());
        if (!result.ok()) {
            result.logTail().lines().forEach(line -> out.println("    " + line));
        }
        out.flush();
        return result.ok();
    }
}
