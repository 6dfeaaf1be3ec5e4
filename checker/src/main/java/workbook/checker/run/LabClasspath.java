package workbook.checker.run;

import workbook.checker.UserError;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The class path every lab is compiled and run against: the lab kit and everything it brings, plus
 * the production libraries the solutions' own tests use. The checker's build writes it to
 * {@code checker/target/lab-classpath.txt}.
 */
public final class LabClasspath {
    private LabClasspath() {
    }

    /** Reads the file next to the checker's own classes (target/classes → target/lab-classpath.txt). */
    public static List<Path> load() {
        Path file = defaultFile();
        if (!Files.isRegularFile(file)) {
            throw new UserError("The checker is not built: " + file + " is missing. Build it with "
                    + "`mvn -q install -DskipTests` at the repository root (./checker/grade does this for you).");
        }
        return read(file);
    }

    static List<Path> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UserError("Cannot read " + file + ": " + e.getMessage());
        }
        List<Path> entries = Arrays.stream(text.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of).toList();
        List<Path> missing = entries.stream().filter(entry -> !Files.exists(entry)).toList();
        if (!missing.isEmpty()) {
            throw new UserError("The checker's lab class path is out of date: " + missing.get(0) + " no longer exists. "
                    + "Rebuild with `mvn -q install -DskipTests` at the repository root.");
        }
        return entries;
    }

    static Path defaultFile() {
        try {
            Path classes = Path.of(LabClasspath.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // target/classes or target/checker-*.jar: either way the file is in target/.
            return classes.getParent().resolve("lab-classpath.txt");
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("checker/target/lab-classpath.txt").toAbsolutePath();
        }
    }
}
