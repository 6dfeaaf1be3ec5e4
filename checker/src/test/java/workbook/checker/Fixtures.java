package workbook.checker;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/** The checker's test fixtures: a tiny course with one lab, and submissions of it. */
final class Fixtures {
    static final Path RESOURCES = Path.of("src/test/resources");

    private Fixtures() {
    }

    /** A fresh copy of the fixture course (labs/01-counter, its solution, hidden test, slides). */
    static Path course(Path into) throws IOException {
        Path course = into.resolve("course");
        copy(RESOURCES.resolve("fixture-course"), course);
        return course;
    }

    /**
     * A student's copy of the fixture lab: the course's labs/01-counter, with the fixture
     * submission's files laid over it and the paths in its DELETE file removed.
     */
    static Path submission(String name, Path into) throws IOException {
        Path submission = into.resolve(name);
        copy(RESOURCES.resolve("fixture-course/labs/01-counter"), submission.resolve("labs/01-counter"));
        Path overlay = RESOURCES.resolve("fixture-submissions").resolve(name);
        if (!Files.isDirectory(overlay)) {
            throw new IllegalArgumentException("no fixture submission " + name);
        }
        copy(overlay, submission);
        Path deletions = submission.resolve("DELETE");
        if (Files.exists(deletions)) {
            for (String path : Files.readAllLines(deletions)) {
                if (!path.isBlank()) {
                    Files.delete(submission.resolve(path.strip()));
                }
            }
            Files.delete(deletions);
        }
        return submission;
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** Zips a folder, every entry under {@code prefix} (such as "workbook-main/", as GitHub's downloads have). */
    static void zip(Path folder, String prefix, Path zip) throws IOException {
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip));
             Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new java.util.zip.ZipEntry(prefix + folder.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
    }

    /** Commits a folder to a new git repository and bundles it, as `git bundle create x.bundle --all` would. */
    static void gitBundle(Path folder, Path bundle) throws IOException, InterruptedException {
        git(folder, "init", "-q");
        git(folder, "add", "-A");
        git(folder, "-c", "user.name=Student", "-c", "user.email=student@example.org", "commit", "-q", "-m", "my work");
        git(folder, "bundle", "create", bundle.toString(), "--all");
    }

    private static void git(Path folder, String... args) throws IOException, InterruptedException {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("git"));
        command.addAll(java.util.List.of(args));
        Process git = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
        String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (git.waitFor() != 0) {
            throw new IOException("git " + String.join(" ", args) + " failed: " + output);
        }
    }

    /** A wrong implementation's patch file: the description, then a unified diff of the solution file as {@code git diff} writes it. */
    static String patch(String description, Path course, Path solutionFile, String wrongCode) throws IOException {
        String path = course.relativize(solutionFile).toString().replace('\\', '/');
        List<String> original = Files.readAllLines(solutionFile);
        List<String> diff = UnifiedDiffUtils.generateUnifiedDiff("a/" + path, "b/" + path, original,
                DiffUtils.diff(original, wrongCode.lines().toList()), 3);
        return description + "\n" + String.join("\n", diff) + "\n";
    }

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** What a checker command printed and returned. */
    record Run(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- out\n" + out + "\n--- err\n" + err;
        }
    }

    static Run checker(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Checker.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }
}
