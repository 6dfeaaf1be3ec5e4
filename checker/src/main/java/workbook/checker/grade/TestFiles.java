package workbook.checker.grade;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Files the course owns in a lab, compared and fingerprinted: the tests and the given code, which a
 * student may have changed, and which test set graded them.
 */
public final class TestFiles {
    private TestFiles() {
    }

    /**
     * Test and given files the submission changed, removed or added compared with the course's own;
     * paths are relative to the lab folder ({@code src/test/java/...}, {@code src/given/java/...}).
     * For information only: grading always uses the course's copy.
     */
    public record Changes(List<String> changed, List<String> removed, List<String> added) {
        public boolean any() {
            return !changed.isEmpty() || !removed.isEmpty() || !added.isEmpty();
        }
    }

    public static Changes compare(Path pristineLab, Path studentLab) {
        Map<String, Path> pristine = files(pristineLab.resolve("src/test"), pristineLab);
        pristine.putAll(files(pristineLab.resolve("src/given"), pristineLab));
        Map<String, Path> student = files(studentLab.resolve("src/test"), studentLab);
        student.putAll(files(studentLab.resolve("src/given"), studentLab));
        List<String> changed = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        pristine.forEach((path, file) -> {
            Path theirs = student.get(path);
            if (theirs == null) {
                removed.add(path);
            } else if (!Arrays.equals(normalized(file), normalized(theirs))) {
                changed.add(path);
            }
        });
        student.keySet().stream().filter(path -> !pristine.containsKey(path)).forEach(added::add);
        return new Changes(changed, removed, added);
    }

    /** A SHA-256 over the test files (path and content) of the given folders, labelled so that moving a file between them counts. */
    public static String hash(Map<String, Path> labelledFolders) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, Path> folder : new TreeMap<>(labelledFolders).entrySet()) {
                for (Map.Entry<String, Path> file : files(folder.getValue(), folder.getValue()).entrySet()) {
                    digest.update((folder.getKey() + "/" + file.getKey() + "\0").getBytes(StandardCharsets.UTF_8));
                    digest.update(normalized(file.getValue()));
                    digest.update((byte) 0);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Regular files under {@code folder}, by path relative to {@code base} with forward slashes. */
    static Map<String, Path> files(Path folder, Path base) {
        Map<String, Path> found = new TreeMap<>();
        if (folder == null || !Files.isDirectory(folder)) {
            return found;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS))
                    .forEach(path -> found.put(base.relativize(path).toString().replace('\\', '/'), path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** File bytes with Windows line ends made Unix ones, so a checkout on Windows does not look edited. */
    private static byte[] normalized(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return new String(bytes, StandardCharsets.ISO_8859_1).replace("\r\n", "\n").getBytes(StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
