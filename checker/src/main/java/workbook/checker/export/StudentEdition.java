package workbook.checker.export;

import workbook.checker.UserError;
import workbook.checker.course.Course;
import workbook.checker.course.Lab;
import workbook.checker.run.LabRun;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The student edition: the registered labs, the lab kit, their slides, the learner's launcher and a
 * student README; no solutions, no hidden tests, no checker. It builds on its own, and {@code mvn
 * test} works in each lab.
 */
public final class StudentEdition {
    /** Top-level files and folders of the repository that students get as they are. */
    static final Set<String> ROOT_ENTRIES = Set.of("workbook", "workbook.cmd", ".gitignore", ".gitattributes",
            ".editorconfig", ".mvn", "mvnw", "mvnw.cmd", "LICENSE", "LICENSE.md", "LICENSE.txt");
    /** Build output and tooling caches, never copied. */
    static final Set<String> SKIPPED_FOLDERS = Set.of("target", "node_modules", "build", ".git", ".idea", ".workbook");
    static final String README_TEMPLATE = "checker/student-edition/README.md";
    static final String WORKFLOW_TEMPLATE = "checker/ci/github-classroom.yml";
    private static final Pattern LAB_PREFIX = Pattern.compile("^(\\d\\d-[a-z0-9]+(?:-[a-z0-9]+)*)");

    private final Course course;
    private final List<Lab> labs;

    public StudentEdition(Course course) {
        this.course = course;
        this.labs = course.labs();
    }

    /** Writes the edition into {@code folder}, which must not exist or be empty; returns the files written. */
    public List<Path> writeFolder(Path folder, boolean withWorkflow) throws IOException {
        Path target = folder.toAbsolutePath().normalize();
        if (target.startsWith(course.root()) && !target.startsWith(course.root().resolve("checker/target"))) {
            throw new UserError("Export into a folder outside the repository (or under checker/target), not " + target + ".");
        }
        if (Files.exists(target) && (!Files.isDirectory(target) || !isEmpty(target))) {
            throw new UserError(target + " already exists and is not empty: export into a new folder.");
        }
        Files.createDirectories(target);
        List<Path> written = new ArrayList<>();
        Path root = course.root();
        written.add(write(target.resolve("pom.xml"), rootPom(Files.readString(root.resolve("pom.xml"), StandardCharsets.UTF_8))));
        written.add(copy(root.resolve("labs/pom.xml"), target.resolve("labs/pom.xml")));
        written.addAll(copyTree(root.resolve("labs/labkit"), target.resolve("labs/labkit"), false));
        for (Lab lab : labs) {
            written.addAll(copyTree(lab.dir(), target.resolve("labs").resolve(lab.id()), false));
        }
        if (Files.isDirectory(root.resolve("slides"))) {
            written.addAll(copyTree(root.resolve("slides"), target.resolve("slides"), true));
        }
        try (Stream<Path> entries = Files.list(root)) {
            for (Path entry : entries.sorted().toList()) {
                if (ROOT_ENTRIES.contains(entry.getFileName().toString())) {
                    written.addAll(Files.isDirectory(entry) ? copyTree(entry, target.resolve(entry.getFileName().toString()), false)
                            : List.of(copy(entry, target.resolve(entry.getFileName().toString()))));
                }
            }
        }
        written.add(write(target.resolve("README.md"), readme()));
        if (withWorkflow) {
            Path workflow = root.resolve(WORKFLOW_TEMPLATE);
            if (!Files.isRegularFile(workflow)) {
                throw new UserError("The workflow template " + workflow + " is missing.");
            }
            written.add(copy(workflow, target.resolve(".github/workflows/grade.yml")));
        }
        return written;
    }

    /** Writes the edition as a zip with one top folder named after the file ({@code workbook.zip} → {@code workbook/}). */
    public void writeZip(Path zip, Path scratch, boolean withWorkflow) throws IOException {
        Path staging = scratch.resolve("student-edition");
        LabRun.deleteTree(staging);
        writeFolder(staging, withWorkflow);
        String top = zip.getFileName().toString().replaceAll("(?i)\\.zip$", "") + "/";
        Files.createDirectories(zip.toAbsolutePath().getParent());
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file);
             Stream<Path> walk = Files.walk(staging)) {
            for (Path path : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new ZipEntry(top + staging.relativize(path).toString().replace('\\', '/')));
                try (InputStream in = Files.newInputStream(path)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
    }

    /** The root pom without the modules students do not get. */
    static String rootPom(String pom) {
        return pom.replaceAll("(?m)^[ \\t]*<module>\\s*(solutions|checker)\\s*</module>[ \\t]*\\r?\\n", "");
    }

    /** The student README: the template with the list of labs filled in. */
    String readme() throws IOException {
        Path template = course.root().resolve(README_TEMPLATE);
        if (!Files.isRegularFile(template)) {
            throw new UserError("The student README template " + template + " is missing.");
        }
        String table = labs.stream().map(lab -> "| " + lab.number() + " | [" + lab.sheet().title() + "](labs/" + lab.id()
                + "/README.md) | `labs/" + lab.id() + "` |").collect(Collectors.joining("\n"));
        return Files.readString(template, StandardCharsets.UTF_8)
                .replace("{{labs}}", "| # | lab | folder |\n| --- | --- | --- |\n" + table);
    }

    /**
     * Copies a folder, leaving out build output and, with {@code onlyShippedLabs} (for slides/), the
     * decks and charts named after labs that are not in the edition.
     */
    private List<Path> copyTree(Path from, Path to, boolean onlyShippedLabs) throws IOException {
        Set<String> shipped = labs.stream().map(Lab::id).collect(Collectors.toSet());
        List<Path> written = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.sorted().toList()) {
                Path relative = from.relativize(source);
                if (skipped(relative, onlyShippedLabs ? shipped : null)) {
                    continue;
                }
                if (Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
                    written.add(copy(source, to.resolve(relative.toString())));
                }
            }
        }
        return written;
    }

    private static boolean skipped(Path relative, Set<String> shippedLabs) {
        for (Path part : relative) {
            String name = part.toString();
            if (SKIPPED_FOLDERS.contains(name)) {
                return true;
            }
            Matcher lab = LAB_PREFIX.matcher(name);
            if (shippedLabs != null && lab.find() && shippedLabs.stream().noneMatch(name::startsWith)) {
                return true;
            }
        }
        return false;
    }

    private static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        return to;
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static boolean isEmpty(Path folder) {
        try (Stream<Path> list = Files.list(folder)) {
            return list.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
