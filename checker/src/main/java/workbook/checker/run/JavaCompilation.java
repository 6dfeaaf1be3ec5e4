package workbook.checker.run;

import workbook.checker.UserError;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Compiles Java sources in this JVM (javax.tools): no Maven, no annotation processors, Java 17. */
public final class JavaCompilation {
    /** The compiler's messages kept for a report: the first errors are the ones that matter. */
    private static final int MAX_ERRORS = 30;

    private JavaCompilation() {
    }

    /** One error, with the line it points at. */
    public record Problem(Path file, long line, String message, String sourceLine) {
        String render(Path base) {
            String where = file == null ? "" : display(file, base) + (line > 0 ? ":" + line : "") + ": ";
            String text = where + "error: " + message;
            return sourceLine == null || sourceLine.isBlank() ? text : text + "\n    " + sourceLine.strip();
        }
    }

    public record Result(boolean success, int files, List<Problem> errors) {
        public Set<Path> failingFiles() {
            return errors.stream().map(Problem::file).filter(file -> file != null).collect(Collectors.toCollection(LinkedHashSet::new));
        }

        /** The errors as javac would print them, paths relative to {@code base}. */
        public String messages(Path base) {
            String shown = errors.stream().limit(MAX_ERRORS).map(problem -> problem.render(base)).collect(Collectors.joining("\n"));
            return errors.size() > MAX_ERRORS ? shown + "\n... and " + (errors.size() - MAX_ERRORS) + " more errors" : shown;
        }
    }

    public static Result compile(List<Path> sources, List<Path> classpath, Path outputDir) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new UserError("The checker needs a JDK, not just a Java runtime: it compiles the labs itself. "
                    + "Point JAVA_HOME at a JDK 17 or newer.");
        }
        try {
            Files.createDirectories(outputDir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + outputDir, e);
        }
        if (sources.isEmpty()) {
            return new Result(true, 0, List.of());
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = List.of(
                "--release", "17", "-proc:none", "-encoding", "UTF-8", "-g", "-nowarn", "-Xlint:none",
                "-implicit:none", "-Xmaxerrs", "200",
                "-classpath", classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)),
                "-d", outputDir.toString());
        StringWriter chatter = new StringWriter(); // notes such as "uses unchecked operations"; shown only if nothing else is
        boolean success;
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(sources);
            success = javac.getTask(chatter, files, diagnostics, options, null, units).call();
        } catch (IOException e) {
            throw new IllegalStateException("the compiler could not close its files", e);
        }
        List<Problem> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
            if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
                Path file = diagnostic.getSource() == null ? null : Path.of(diagnostic.getSource().toUri());
                errors.add(new Problem(file, diagnostic.getLineNumber(), diagnostic.getMessage(Locale.ROOT),
                        sourceLine(file, diagnostic.getLineNumber())));
            }
        }
        if (!success && errors.isEmpty()) {
            errors.add(new Problem(null, 0, "the compiler failed without an error message: " + chatter.toString().strip(), null));
        }
        return new Result(success, sources.size(), List.copyOf(errors));
    }

    /** Every .java file under the folders (those that exist), skipping links and module-info.java. */
    public static List<Path> javaFiles(List<Path> roots) {
        List<Path> found = new ArrayList<>();
        for (Path root : roots) {
            if (root == null || !Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS))
                        .filter(path -> path.getFileName().toString().endsWith(".java"))
                        // A module descriptor would turn the class path into a module path.
                        .filter(path -> !path.getFileName().toString().equals("module-info.java"))
                        .sorted()
                        .forEach(found::add);
            } catch (IOException e) {
                throw new UserError("Cannot read the sources under " + root + ": " + e.getMessage());
            }
        }
        return found;
    }

    static String display(Path file, Path base) {
        if (base != null && file.startsWith(base)) {
            return base.relativize(file).toString();
        }
        return file.toString();
    }

    private static String sourceLine(Path file, long line) {
        if (file == null || line <= 0) {
            return null;
        }
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.skip(line - 1).findFirst().orElse(null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
