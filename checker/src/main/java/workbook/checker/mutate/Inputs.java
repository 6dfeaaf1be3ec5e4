package workbook.checker.mutate;

import workbook.checker.course.Course;
import workbook.checker.course.Lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a lab's mutation report measured, as one SHA-256: the files that decide its result and the
 * settings of the run. A report whose hash differs from the files' current one is stale.
 * <p>
 * The files: the lab's src/main, src/given and src/test (code and resources) and its pom.xml; the
 * hidden tests and EQUIVALENT.md (everything under checker/hidden/NN-slug); the solution's src/main
 * and pom.xml; solutions/pom.xml (the mutation profiles). The settings: PIT's versions (from the root
 * pom), the per-test budget and the version of the rules below. Not included, on purpose: the lab kit
 * and the rest of the root pom, which change for reasons that rarely touch one lab's mutants and would
 * make every report stale at once. Line endings are normalised, so a Windows checkout hashes the same.
 */
public final class Inputs {
    /** Raise when the way a report is computed changes, so every report is measured again. */
    static final int RULES_VERSION = 1;

    private static final Pattern PROPERTY = Pattern.compile("<(pitest(?:-junit5)?\\.version)>\\s*([^<\\s]+)\\s*</");

    private Inputs() {
    }

    /** The files the hash covers, relative to the course root, sorted. */
    public static List<Path> files(Course course, Lab lab) {
        List<Path> roots = List.of(lab.dir().resolve("src/main"), lab.dir().resolve("src/given"), lab.dir().resolve("src/test"),
                lab.dir().resolve("pom.xml"), lab.hiddenDir(), lab.solutionDir().resolve("src/main"),
                lab.solutionDir().resolve("pom.xml"), course.root().resolve("solutions/pom.xml"));
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isRegularFile(root)) {
                files.add(root);
            } else if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(Files::isRegularFile).forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return files.stream().map(file -> course.root().relativize(file)).sorted().toList();
    }

    /** PIT's versions as the root pom pins them, {@code pitest.version=1.30.2 pitest-junit5.version=1.2.3}. */
    public static String pitVersions(Course course) {
        try {
            Matcher property = PROPERTY.matcher(Files.readString(course.root().resolve("pom.xml"), StandardCharsets.UTF_8));
            List<String> found = new ArrayList<>();
            while (property.find()) {
                found.add(property.group(1) + "=" + property.group(2));
            }
            return String.join(" ", found);
        } catch (IOException e) {
            return "";
        }
    }

    public static String hash(Course course, Lab lab, long budgetMillis) {
        MessageDigest all = sha256();
        all.update(("rules " + RULES_VERSION + "\npit " + pitVersions(course) + "\nbudget " + budgetMillis + "\n")
                .getBytes(StandardCharsets.UTF_8));
        for (Path relative : files(course, lab)) {
            byte[] content;
            try {
                content = Files.readAllBytes(course.root().resolve(relative));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String path = relative.toString().replace('\\', '/');
            all.update((path + " " + HexFormat.of().formatHex(sha256().digest(withoutCarriageReturns(content))) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(all.digest());
    }

    private static byte[] withoutCarriageReturns(byte[] content) {
        byte[] out = new byte[content.length];
        int n = 0;
        for (int i = 0; i < content.length; i++) {
            if (content[i] == '\r' && i + 1 < content.length && content[i + 1] == '\n') {
                continue;
            }
            out[n++] = content[i];
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
