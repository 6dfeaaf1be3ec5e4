package workbook.checker.mutate;

import workbook.checker.UserError;
import workbook.checker.course.Lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What one lab's mutation run works on: the classes a student writes (the top-level classes of the
 * solution's src/main/java files, mutated with their nested classes) and the test classes run
 * against each mutant (the lab's public tests, and the hidden ones).
 *
 * @param classes       {@code workbook.ratelimit.TokenBucketLimiter}, ... (top-level classes)
 * @param publicTests   the test classes of {@code labs/NN-slug/src/test/java}
 * @param hiddenTests   the test classes of {@code checker/hidden/NN-slug}
 * @param unboundedTests test files (not experiments) that set their own {@code @Timeout}; see {@link Tally}
 */
public record Targets(List<String> classes, List<String> publicTests, List<String> hiddenTests, List<String> unboundedTests) {
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");
    private static final Pattern EXPERIMENT = Pattern.compile("@Tag\\(\\s*\"experiment\"\\s*\\)");

    public static Targets of(Lab lab) {
        List<String> classes = classesIn(lab.solutionSources());
        if (classes.isEmpty()) {
            throw new UserError("Lab " + lab.id() + " has no solution classes in " + lab.solutionSources()
                    + ": mutation testing mutates the classes a student writes, as the solution writes them.");
        }
        List<String> unbounded = new ArrayList<>();
        unbounded.addAll(unboundedIn(lab.publicTests()));
        lab.hiddenTests().ifPresent(hidden -> unbounded.addAll(unboundedIn(hidden)));
        return new Targets(classes, classesIn(lab.publicTests()),
                lab.hiddenTests().map(Targets::classesIn).orElse(List.of()), unbounded);
    }

    /** PIT's filter for the classes to mutate: each class and its nested classes, nothing else. */
    public String classFilter() {
        return String.join(",", classes.stream().flatMap(name -> Stream.of(name, name + "$*")).toList());
    }

    /** PIT's filter for the tests of one run. */
    public String testFilter(boolean withHidden) {
        List<String> tests = new ArrayList<>(publicTests);
        if (withHidden) {
            tests.addAll(hiddenTests);
        }
        return String.join(",", tests.stream().flatMap(name -> Stream.of(name, name + "$*")).toList());
    }

    /** The top-level class of each .java file under the folder: its package plus its file name. */
    static List<String> classesIn(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".java"))
                    .filter(file -> !file.getFileName().toString().equals("package-info.java"))
                    .map(file -> qualifiedName(file))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String qualifiedName(Path file) {
        String simple = file.getFileName().toString().replaceFirst("\\.java$", "");
        Matcher pkg = PACKAGE.matcher(read(file));
        return pkg.find() ? pkg.group(1) + "." + simple : simple;
    }

    /** Test files, other than experiments, that choose their own time limit instead of the lab kit's. */
    private static List<String> unboundedIn(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".java"))
                    .filter(file -> {
                        String text = read(file);
                        return text.contains("@Timeout") && !EXPERIMENT.matcher(text).find();
                    })
                    .map(file -> qualifiedName(file))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
