package workbook.checker.mutate;

import workbook.checker.UserError;
import workbook.checker.course.Course;
import workbook.checker.course.Lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs PIT through Maven: the solution module's {@code mutation} profile (and {@code mutation-hidden},
 * which adds the lab's hidden tests as test sources), so that the class path, the given sources and the
 * test resources are exactly those of {@code mvn test}, and PIT's versions are the ones the root pom pins.
 * The Maven repository is the one the checker was given ({@code -Dmaven.repo.local}, passed on) or the
 * one MAVEN_OPTS names (mvn reads it itself).
 */
public final class MavenPit implements PitRunner {
    private final Course course;

    public MavenPit(Course course) {
        this.course = course;
    }

    /**
     * The solution modules resolve the lab kit from the Maven repository: install the current one,
     * unless the one installed there is newer than the lab kit's sources (replacing a jar that running
     * test JVMs have open, say another mutate run's, would break them).
     */
    @Override
    public void prepare() throws IOException, InterruptedException {
        if (labKitInstalled()) {
            return;
        }
        List<String> command = mvn();
        command.addAll(List.of("-q", "-f", course.root().resolve("pom.xml").toString(), "install", "-DskipTests",
                "-pl", "labs/labkit", "-am"));
        Path log = course.root().resolve("checker/target/work/mutate/labkit-install.log");
        Files.createDirectories(log.getParent());
        execute(command, log, "installing the lab kit");
    }

    private boolean labKitInstalled() throws IOException {
        Path jar = repository().resolve("scalingapis/labkit/1.0-SNAPSHOT/labkit-1.0-SNAPSHOT.jar");
        if (!Files.isRegularFile(jar)) {
            return false;
        }
        java.nio.file.attribute.FileTime installed = Files.getLastModifiedTime(jar);
        Path labkit = course.root().resolve("labs/labkit");
        try (java.util.stream.Stream<Path> sources = java.util.stream.Stream.concat(Files.walk(labkit.resolve("src/main")),
                java.util.stream.Stream.of(labkit.resolve("pom.xml"), course.root().resolve("pom.xml")))) {
            return sources.filter(Files::isRegularFile).allMatch(file -> {
                try {
                    return Files.getLastModifiedTime(file).compareTo(installed) < 0;
                } catch (IOException e) {
                    return false;
                }
            });
        }
    }

    /** The local Maven repository mvn will use: -Dmaven.repo.local here or in MAVEN_OPTS, else ~/.m2/repository. */
    private static Path repository() {
        String given = System.getProperty("maven.repo.local");
        if (given == null || given.isBlank()) {
            java.util.regex.Matcher inOptions = java.util.regex.Pattern.compile("-Dmaven\\.repo\\.local=(\\S+)")
                    .matcher(String.valueOf(System.getenv("MAVEN_OPTS")));
            given = inOptions.find() ? inOptions.group(1) : null;
        }
        return given != null ? Path.of(given) : Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    @Override
    public Path run(Lab lab, Targets targets, boolean withHidden, long budgetMillis, Path out) throws IOException, InterruptedException {
        Path reports = out.resolve("pit-reports");
        Files.createDirectories(out);
        List<String> command = mvn();
        command.addAll(List.of("-f", lab.solutionDir().resolve("pom.xml").toString(), "-Pmutation",
                "test-compile", "org.pitest:pitest-maven:mutationCoverage",
                "-DtargetClasses=" + targets.classFilter(),
                "-DtargetTests=" + targets.testFilter(withHidden),
                "-DtimeoutConstant=" + budgetMillis,
                "-DtimeoutFactor=1.25",
                "-Dthreads=1",
                "-DreportsDirectory=" + reports,
                "-DtimestampedReports=false"));
        if (withHidden) {
            command.add("-Dmutation.hidden");
        }
        execute(command, out.resolve("pit.log"), "PIT on " + lab.id() + (withHidden ? " (public + hidden tests)" : " (public tests)"));
        Path xml = reports.resolve("mutations.xml");
        if (!Files.isRegularFile(xml)) {
            throw new UserError("PIT wrote no " + xml + " for " + lab.id() + "; its log is " + out.resolve("pit.log") + ".");
        }
        return xml;
    }

    private static List<String> mvn() {
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("os.name", "").startsWith("Windows") ? "mvn.cmd" : "mvn");
        command.add("-B");
        String repository = System.getProperty("maven.repo.local");
        if (repository != null && !repository.isBlank()) {
            command.add("-Dmaven.repo.local=" + repository);
        }
        return command;
    }

    private void execute(List<String> command, Path log, String what) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(course.root().toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UserError("Could not start Maven for " + what + " (" + e.getMessage()
                    + "). mutate runs PIT through Maven: put mvn on the PATH.");
        }
        try {
            if (process.waitFor() != 0) {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
                throw new UserError(what + " failed (the whole log is " + log + "):\n" + tail);
            }
        } finally {
            process.destroy();
        }
    }
}
