package workbook.checker.calibrate;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.PatchFailedException;
import com.github.difflib.unifieddiff.UnifiedDiff;
import com.github.difflib.unifieddiff.UnifiedDiffFile;
import com.github.difflib.unifieddiff.UnifiedDiffReader;
import workbook.checker.UserError;
import workbook.checker.course.Lab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A wrong-but-plausible implementation: {@code checker/fixtures/wrong/NN-slug/<name>.patch}, a
 * one-line description of the mistake followed by a unified diff against the reference solution,
 * with paths as {@code git diff} writes them from the repository root
 * ({@code a/solutions/NN-slug/src/main/java/...}).
 *
 * @param name        the file name without {@code .patch}
 * @param description the first line: the mistake, in words
 * @param file        the patch file
 */
public record WrongPatch(String name, String description, Path file) {

    /** The lab's patches, by name. */
    public static List<WrongPatch> of(Lab lab) throws IOException {
        if (!Files.isDirectory(lab.wrongDir())) {
            return List.of();
        }
        List<WrongPatch> patches = new ArrayList<>();
        try (Stream<Path> list = Files.list(lab.wrongDir())) {
            for (Path file : list.filter(path -> path.getFileName().toString().endsWith(".patch")).sorted().toList()) {
                String name = file.getFileName().toString().replaceFirst("\\.patch$", "");
                String first = Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
                patches.add(new WrongPatch(name, first, file));
            }
        }
        return patches;
    }

    /**
     * Copies the solution's sources to {@code target} and applies this patch there.
     *
     * @throws UserError when the patch names a file outside the lab's solution or no longer applies
     */
    public void applyTo(Lab lab, Path target) throws IOException {
        copyTree(lab.solutionSources(), target);
        UnifiedDiff diff;
        try (InputStream in = Files.newInputStream(file)) {
            diff = UnifiedDiffReader.parseUnifiedDiff(in);
        }
        if (diff.getFiles().isEmpty()) {
            throw new UserError(this + " holds no diff: after its description line it needs a unified diff against the solution.");
        }
        String prefix = "solutions/" + lab.id() + "/src/main/java/";
        for (UnifiedDiffFile changed : diff.getFiles()) {
            String path = withoutSide(changed.getToFile());
            if (!path.startsWith(prefix)) {
                throw new UserError(this + " changes " + path + "; a wrong implementation may change only files under " + prefix);
            }
            Path source = target.resolve(path.substring(prefix.length())).normalize();
            if (!source.startsWith(target)) {
                throw new UserError(this + " names a path outside the solution: " + path);
            }
            List<String> original = Files.exists(source) ? Files.readAllLines(source, StandardCharsets.UTF_8) : List.of();
            try {
                List<String> patched = DiffUtils.patch(original, changed.getPatch());
                Files.createDirectories(source.getParent());
                Files.writeString(source, String.join("\n", patched) + "\n", StandardCharsets.UTF_8);
            } catch (PatchFailedException e) {
                throw new UserError(this + " no longer applies to " + path + " (" + e.getMessage()
                        + "): the solution changed under it; make the mistake again on the current solution and regenerate the patch.");
            }
        }
    }

    private static String withoutSide(String path) {
        return path.startsWith("a/") || path.startsWith("b/") ? path.substring(2) : path;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path copy = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy);
                }
            }
        }
    }

    @Override
    public String toString() {
        return "The wrong implementation " + file.getParent().getFileName() + "/" + file.getFileName();
    }
}
