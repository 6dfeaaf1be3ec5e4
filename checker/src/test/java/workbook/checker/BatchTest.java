package workbook.checker;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.checker.run.LabClasspath;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class BatchTest {
    @TempDir
    Path temp;

    @Test
    void anInterruptedBatchResumesIntoOneCompleteGradebook() throws Exception {
        Path course = Fixtures.course(temp);
        Path submissions = temp.resolve("submissions");
        Fixtures.submission("correct", submissions);
        Fixtures.zip(Fixtures.submission("partial", temp.resolve("unpacked")), "partial/", submissions.resolve("partial.zip"));
        Fixtures.submission("not-compiling", submissions);
        Fixtures.submission("system-exit", submissions);
        Fixtures.write(submissions.resolve("broken.zip"), "this is not a zip file");
        Path out = temp.resolve("grades");
        Path work = temp.resolve("work");
        List<String> args = List.of("batch", submissions.toString(), "--root", course.toString(), "--out", out.toString(),
                "--work", work.toString(), "--test-timeout", "5s");

        // The first run, in a process of its own, is interrupted (SIGTERM, like Ctrl-C) once a student is done.
        Process first = startChecker(args, temp.resolve("first-run.log"));
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (graded(out).isEmpty() && first.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        first.destroy();
        first.waitFor();
        Map<String, FileTime> finishedFirst = graded(out);
        assertThat(finishedFirst).as("students graded before the interruption; log:\n" + Files.readString(temp.resolve("first-run.log")))
                .isNotEmpty().hasSizeLessThan(5);
        // The gradebook is rewritten after each student; the interruption may fall just before that.
        assertThat(Files.readAllLines(out.resolve("gradebook.csv"))).as("gradebook rows after the interruption")
                .hasSizeLessThanOrEqualTo(1 + finishedFirst.size()).first().asString().startsWith("student,total");
        Thread.sleep(500);
        assertThat(testJvmsStillRunning(work)).as("test JVMs left running after the interruption").isEmpty();

        // The second run grades the rest and keeps what was finished.
        Fixtures.Run second = Fixtures.checker(args.toArray(String[]::new));

        assertThat(second.code()).as(second.toString()).isZero();
        assertThat(second.out()).contains("already graded before " + finishedFirst.size());
        Map<String, FileTime> finished = graded(out);
        assertThat(finished).containsOnlyKeys("correct", "partial", "not-compiling", "system-exit", "broken");
        finishedFirst.forEach((student, time) -> assertThat(finished.get(student)).as(student + " was not graded again").isEqualTo(time));
        Map<String, String> points = new LinkedHashMap<>();
        for (String row : Files.readAllLines(out.resolve("gradebook.csv")).subList(1, 6)) {
            String[] cells = row.split(",");
            points.put(cells[0], cells[1] + " " + cells[4]);
        }
        assertThat(points).containsOnly(
                Map.entry("broken", "0 unreadable"),
                Map.entry("correct", "100 graded"),
                Map.entry("not-compiling", "0 graded"),
                Map.entry("partial", "40 graded"),
                Map.entry("system-exit", "0 graded")); // the bytecode policy refuses System.exit
        assertThat(out.resolve("broken/feedback.md")).content().contains("broken.zip is not a readable zip archive");
        assertThat(out.resolve("partial/feedback.html")).exists();
    }

    /** Students with a finished grade (grade.json), and when it was written. */
    private static Map<String, FileTime> graded(Path out) throws Exception {
        Map<String, FileTime> graded = new LinkedHashMap<>();
        if (!Files.isDirectory(out)) {
            return graded;
        }
        try (Stream<Path> students = Files.list(out)) {
            for (Path student : students.sorted().toList()) {
                Path grade = student.resolve("grade.json");
                if (Files.isRegularFile(grade)) {
                    graded.put(student.getFileName().toString(), Files.getLastModifiedTime(grade));
                }
            }
        }
        return graded;
    }

    private static Process startChecker(List<String> args, Path log) throws Exception {
        List<String> classpath = new ArrayList<>();
        classpath.add(Path.of("target/classes").toAbsolutePath().toString());
        LabClasspath.load().forEach(entry -> classpath.add(entry.toString()));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(File.pathSeparator, classpath), "workbook.checker.Checker"));
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static List<String> testJvmsStillRunning(Path work) {
        String marker = work.toAbsolutePath().toString();
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().map(line -> line.contains(marker)).orElse(false))
                .map(process -> process.pid() + " " + process.info().commandLine().orElse(""))
                .collect(Collectors.toList());
    }
}
