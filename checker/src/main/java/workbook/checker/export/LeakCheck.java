package workbook.checker.export;

import workbook.checker.course.Course;
import workbook.checker.course.Lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Looks for solution code (and hidden tests, and the wrong implementations the checker keeps) in a
 * student edition, by content rather than by file name: a file that holds several of a solution
 * file's distinctive lines leaks it, wherever it sits and whatever it is called. Also looks for prose
 * that talks about the hidden tests or names one ({@link #hiddenTestTalk}).
 * <p>
 * A line is distinctive when it is code (not a comment, import or brace), long enough to mean
 * something, and appears nowhere in what the student edition ships on purpose: the lab's starter,
 * its public tests, its lab sheet (whose last hint may show the key lines) and the lab kit. Another
 * lab's code may share an idiom or two (a parser loop) by chance, so there a leak takes ten lines or
 * half of the file's distinctive ones. Whether the starter itself is the solution is calibration's
 * job: every starter task must fail.
 */
public final class LeakCheck {
    static final int MIN_LINE = 20;
    static final int LINES_TO_LEAK = 3;
    static final int LINES_TO_LEAK_INTO_ANOTHER_LABS_CODE = 10;
    private static final long MAX_FILE = 2L * 1024 * 1024;

    private LeakCheck() {
    }

    /**
     * A file of the student edition holding lines of a file it must not hold ({@code lines} > 0), or
     * prose that mentions what students must not be told ({@code lines} = 0).
     */
    public record Leak(String file, String source, int lines, String example) {
        @Override
        public String toString() {
            return lines == 0 ? file + " mentions " + source + ": `" + example + "`"
                    : file + " holds " + lines + " lines of " + source + ", e.g. `" + example + "`";
        }
    }

    public static List<Leak> scan(Course course, Path edition) {
        Set<String> labKit = lines(javaFiles(course.root().resolve("labs/labkit/src")));
        Map<String, Secret> secrets = new LinkedHashMap<>();
        for (Lab lab : allLabs(course)) {
            Set<String> shipped = new HashSet<>(labKit);
            shipped.addAll(lines(javaFiles(lab.dir().resolve("src"))));
            shipped.addAll(lines(List.of(lab.dir().resolve("README.md"))));
            List<Path> solution = javaFiles(lab.solutionDir().resolve("src"));
            add(secrets, course, lab, solution, shipped);
            add(secrets, course, lab, javaFiles(lab.hiddenDir()), shipped);
            // A wrong implementation is a patch of the solution, which is looked for already: only the lines it adds count.
            Set<String> shippedOrSolution = new HashSet<>(shipped);
            shippedOrSolution.addAll(lines(solution));
            for (Path patch : files(lab.wrongDir())) {
                Set<String> added = new LinkedHashSet<>(normalizedLines(addedLines(patch)));
                added.removeAll(shippedOrSolution);
                if (added.size() >= 2) {
                    secrets.put(course.root().relativize(patch).toString().replace('\\', '/'), new Secret(lab.id(), added));
                }
            }
        }
        List<Leak> leaks = new ArrayList<>();
        for (Path file : files(edition)) {
            Optional<String> text = text(file);
            if (text.isEmpty()) {
                continue;
            }
            Set<String> present = normalizedLines(text.get());
            String name = edition.relativize(file).toString().replace('\\', '/');
            for (Map.Entry<String, Secret> secret : secrets.entrySet()) {
                Set<String> distinctive = secret.getValue().lines();
                List<String> found = distinctive.stream().filter(present::contains).toList();
                boolean anotherLabsCode = name.endsWith(".java") && !name.startsWith("labs/" + secret.getValue().lab() + "/");
                int needed = anotherLabsCode
                        ? Math.min(LINES_TO_LEAK_INTO_ANOTHER_LABS_CODE, Math.max(LINES_TO_LEAK, (distinctive.size() + 1) / 2))
                        : Math.min(LINES_TO_LEAK, distinctive.size());
                if (found.size() >= needed) {
                    leaks.add(new Leak(name, secret.getKey(), found.size(), found.get(0)));
                }
            }
        }
        leaks.addAll(hiddenTestTalk(course, edition));
        return leaks;
    }

    /** The lines a unified diff adds, without their {@code +}. */
    private static String addedLines(Path patch) {
        StringBuilder added = new StringBuilder();
        text(patch).orElse("").lines().filter(line -> line.startsWith("+") && !line.startsWith("+++"))
                .forEach(line -> added.append(line.substring(1)).append('\n'));
        return added.toString();
    }

    /**
     * Prose of the student edition (sheets, hints, slides and their notes, READMEs) that talks about
     * the hidden tests: the words themselves, or the name of a hidden test class or method, or of a
     * wrong implementation. Students get requirements, never a description of what is checked in secret.
     */
    public static List<Leak> hiddenTestTalk(Course course, Path edition) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Lab lab : allLabs(course)) {
            for (Path test : javaFiles(lab.hiddenDir())) {
                String source = course.root().relativize(test).toString().replace('\\', '/');
                names.put(test.getFileName().toString().replace(".java", ""), source);
                text(test).ifPresent(code -> TEST_METHOD.matcher(code).results()
                        .forEach(method -> names.put(method.group(1) + "(", source)));
            }
            for (Path patch : files(lab.wrongDir())) {
                String name = patch.getFileName().toString().replace(".patch", "");
                names.put(name, course.root().relativize(patch).toString().replace('\\', '/'));
            }
        }
        List<Leak> leaks = new ArrayList<>();
        for (Path file : files(edition)) {
            String name = edition.relativize(file).toString().replace('\\', '/');
            if (!(name.endsWith(".md") || name.endsWith(".html") || name.endsWith(".txt")) || name.startsWith("checker/")) {
                continue;
            }
            String text = text(file).orElse("");
            java.util.regex.Matcher talk = HIDDEN_WORDS.matcher(text);
            if (talk.find()) {
                leaks.add(new Leak(name, "the hidden tests (write the requirement instead)", 0, talk.group()));
            }
            names.forEach((hidden, source) -> {
                if (hidden.length() >= 12 && text.contains(hidden)) {
                    leaks.add(new Leak(name, source + " by name", 0, hidden));
                }
            });
        }
        return leaks;
    }

    private static final java.util.regex.Pattern HIDDEN_WORDS = java.util.regex.Pattern.compile(
            "(?i)\\bhidden\\s+(tests?|traces?|checks?|cases?|fixtures?)\\b|\\bwrong implementations?\\b");
    private static final java.util.regex.Pattern TEST_METHOD = java.util.regex.Pattern.compile(
            "@Test[^;{]*?\\bvoid\\s+(\\w+)\\s*\\(", java.util.regex.Pattern.DOTALL);

    /** A file students must not get, and its distinctive lines. */
    private record Secret(String lab, Set<String> lines) {
    }

    private static void add(Map<String, Secret> secrets, Course course, Lab lab, List<Path> files, Set<String> shipped) {
        for (Path file : files) {
            Set<String> distinctive = new LinkedHashSet<>(lines(List.of(file)));
            distinctive.removeAll(shipped);
            if (distinctive.size() >= 2) {
                secrets.put(course.root().relativize(file).toString().replace('\\', '/'), new Secret(lab.id(), distinctive));
            }
        }
    }

    /** Every lab folder that has a solution, hidden tests or wrong implementations, registered or not. */
    private static List<Lab> allLabs(Course course) {
        Set<String> ids = new LinkedHashSet<>();
        for (Path folder : List.of(course.root().resolve("labs"), course.root().resolve("solutions"),
                course.root().resolve("checker/hidden"), course.root().resolve("checker/fixtures/wrong"))) {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> list = Files.list(folder)) {
                    list.map(path -> path.getFileName().toString()).filter(name -> name.matches("\\d\\d-.*")).forEach(ids::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return ids.stream().sorted().map(course::lab).toList();
    }

    static Set<String> lines(List<Path> files) {
        Set<String> all = new HashSet<>();
        for (Path file : files) {
            if (Files.isRegularFile(file)) {
                text(file).ifPresent(text -> all.addAll(normalizedLines(text)));
            }
        }
        return all;
    }

    /** The lines that could carry code: trimmed, spaces collapsed, comments and imports left out. */
    static Set<String> normalizedLines(String text) {
        Set<String> lines = new LinkedHashSet<>();
        for (String raw : text.split("\r?\n")) {
            String line = raw.strip().replaceAll("\\s+", " ");
            if (line.length() < MIN_LINE || line.startsWith("*") || line.startsWith("/*") || line.startsWith("//")
                    || line.startsWith("import ") || line.startsWith("package ")) {
                continue;
            }
            lines.add(line);
        }
        return lines;
    }

    private static List<Path> javaFiles(Path root) {
        return files(root).stream().filter(path -> path.toString().endsWith(".java")).toList();
    }

    private static List<Path> files(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file as UTF-8 text, or empty for binaries and big files. */
    private static Optional<String> text(Path file) {
        try {
            if (Files.size(file) > MAX_FILE) {
                return Optional.empty();
            }
            byte[] bytes = Files.readAllBytes(file);
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
