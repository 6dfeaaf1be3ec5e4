package workbook.checker.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Builds a student edition with Maven, as a student would, to prove it works without the rest of the repository. */
public final class ExportBuild {
    private static final long BUILD_MINUTES = 15;

    private ExportBuild() {
    }

    /** What a Maven run did: whether it worked, and the end of its log when it did not. */
    public record Result(boolean ok, String what, String logTail, double seconds) {
    }

    /** Compiles everything, the lab kit, the labs and their tests, in one reactor build (nothing installed). */
    public static Result build(Path edition) {
        // The labs' poms tie skipTests to workbook.skipLabTests, which -DskipTests alone does not reach.
        return maven(edition, "the student edition builds (mvn verify -DskipTests)", "-B", "-q", "verify", "-DskipTests",
                "-Dworkbook.skipLabTests=true");
    }

    /**
     * Runs {@code mvn test} over the whole edition in one reactor build (the lab kit is built, not
     * installed: nothing outside the edition changes), letting the starters' tests fail as they
     * should, and checks that every lab's tests ran: surefire wrote their reports.
     */
    public static Result labTests(Path edition, List<String> labs) {
        Result run = maven(edition, "mvn test runs in every lab (" + String.join(", ", labs) + ")", "-B", "test",
                "-Dmaven.test.failure.ignore=true");
        List<String> silent = new ArrayList<>();
        for (String lab : labs) {
            Path reports = edition.resolve("labs").resolve(lab).resolve("target/surefire-reports");
            try (Stream<Path> files = Files.isDirectory(reports) ? Files.list(reports) : Stream.empty()) {
                if (files.noneMatch(file -> file.getFileName().toString().endsWith(".xml"))) {
                    silent.add(lab);
                }
            } catch (IOException e) {
                silent.add(lab);
            }
        }
        String problem = silent.isEmpty() ? run.logTail() : "no test reports from " + String.join(", ", silent) + "\n" + run.logTail();
        return new Result(run.ok() && silent.isEmpty(), run.what(), problem, run.seconds());
    }

    private static Result maven(Path dir, String what, String... args) {
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("os.name", "").toLowerCase().contains("win") ? "mvn.cmd" : "mvn");
        command.addAll(List.of(args));
        long start = System.nanoTime();
        try {
            Path log = Files.createTempFile("checker-export-build", ".log");
            try {
                Process maven = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                        .redirectOutput(log.toFile()).start();
                if (!maven.waitFor(BUILD_MINUTES, TimeUnit.MINUTES)) {
                    maven.descendants().forEach(ProcessHandle::destroyForcibly);
                    maven.destroyForcibly();
                    return new Result(false, what, "Maven did not finish within " + BUILD_MINUTES + " minutes", seconds(start));
                }
                return new Result(maven.exitValue() == 0, what, tail(log, 3000), seconds(start));
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            return new Result(false, what, "could not run Maven (" + e.getMessage() + "): is mvn on the PATH?", seconds(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, what, "interrupted", seconds(start));
        }
    }

    private static String tail(Path log, int max) throws IOException {
        try (InputStream in = Files.newInputStream(log)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            return text.length() <= max ? text : "..." + text.substring(text.length() - max);
        }
    }

    private static double seconds(long start) {
        return Math.round((System.nanoTime() - start) / 1e8) / 10.0;
    }
}
