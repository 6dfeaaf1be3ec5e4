package workbook.checker.grade;

import workbook.checker.UserError;
import workbook.checker.run.LabRun;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A student's working copy of the workbook, opened for grading: a folder, a .zip of one (with or
 * without a top folder, as GitHub's "Download ZIP" makes), or a git bundle. Nothing in it is ever
 * written to; archives are unpacked into the checker's scratch folder.
 *
 * @param root the folder that holds {@code labs/}
 */
public record Submission(String name, String kind, Path source, Path root) {
    /** An archive bigger than this unpacked is refused (a zip bomb, or the wrong file). */
    static final long MAX_UNPACKED_BYTES = 500L * 1024 * 1024;
    static final int MAX_ENTRIES = 50_000;

    /** The student's name for a file or folder: its name without the extension. */
    public static String nameOf(Path source) {
        String file = source.getFileName().toString();
        for (String extension : List.of(".zip", ".bundle", ".git")) {
            if (file.toLowerCase().endsWith(extension)) {
                return file.substring(0, file.length() - extension.length());
            }
        }
        return file;
    }

    /** A student's name as a folder name: letters, digits and {@code ._@-}; nothing hidden. */
    public static String folderName(String name) {
        String cleaned = name.replaceAll("[^A-Za-z0-9._@-]", "_");
        return cleaned.isEmpty() || cleaned.startsWith(".") ? "_" + cleaned : cleaned;
    }

    /** Whether a path looks like something {@link #open} reads. */
    public static boolean looksLikeSubmission(Path path) {
        String file = path.getFileName().toString().toLowerCase();
        if (file.startsWith(".")) {
            return false;
        }
        return Files.isDirectory(path) || file.endsWith(".zip") || file.endsWith(".bundle");
    }

    public static Submission open(Path source, String name, Path scratch) {
        Path absolute = source.toAbsolutePath().normalize();
        scratch = scratch.toAbsolutePath().normalize();
        if (!Files.exists(absolute)) {
            throw new UserError("There is no submission at " + absolute + ": give a folder, a .zip or a git bundle.");
        }
        try {
            if (Files.isDirectory(absolute)) {
                if (Files.isDirectory(absolute.resolve(".git")) && !Files.isDirectory(absolute.resolve("labs"))) {
                    throw new UserError(absolute + " is a git repository with no labs/ folder checked out. Check out the student's branch first.");
                }
                return new Submission(name, "folder", absolute, findRoot(absolute, absolute));
            }
            String file = absolute.getFileName().toString().toLowerCase();
            if (file.endsWith(".zip")) {
                Path into = scratch.resolve("unzipped");
                LabRun.deleteTree(into);
                unzip(absolute, into);
                return new Submission(name, "zip", absolute, findRoot(into, absolute));
            }
            if (file.endsWith(".bundle") || isBundle(absolute)) {
                Path into = scratch.resolve("cloned");
                LabRun.deleteTree(into);
                cloneBundle(absolute, into);
                return new Submission(name, "git bundle", absolute, findRoot(into, absolute));
            }
        } catch (IOException e) {
            throw new UserError("Cannot read the submission " + absolute + ": " + e.getMessage(), e);
        }
        throw new UserError(absolute + " is not a submission the checker reads: give a folder, a .zip or a git bundle (.bundle).");
    }

    /**
     * Why a lab's folder cannot be graded as the student's own work, or null: a symbolic link on the
     * way to its {@code src/main/java} or anywhere in it, or a real path outside the submission (a
     * link could point at the course's solution on the grader's disk).
     */
    public String linkProblem(String labId) throws IOException {
        Path realRoot = root.toRealPath();
        Path main = root.resolve("labs").resolve(labId).resolve("src/main/java");
        List<Path> checked = new ArrayList<>();
        for (Path step = main; step != null && step.startsWith(root) && !step.equals(root); step = step.getParent()) {
            checked.add(0, step); // from the top down, so that the message names the link itself
        }
        if (Files.exists(main, java.nio.file.LinkOption.NOFOLLOW_LINKS) && Files.isDirectory(main)) {
            try (Stream<Path> walk = Files.walk(main)) {
                walk.forEach(checked::add);
            }
        }
        for (Path path : checked) {
            String relative = root.relativize(path).toString().replace('\\', '/');
            if (Files.isSymbolicLink(path)) {
                return relative + " is a symbolic link; links are not graded, because they can point at files that are not the student's work. "
                        + "Submit the files themselves.";
            }
            if (Files.exists(path) && !path.toRealPath().startsWith(realRoot)) {
                return relative + " lies outside the submission (its real path is " + path.toRealPath() + "); submit the files themselves.";
            }
        }
        return null;
    }

    /** The folder holding labs/: the given one, or a single folder inside it (an archive's top folder). */
    private static Path findRoot(Path dir, Path source) throws IOException {
        if (Files.isDirectory(dir.resolve("labs"))) {
            return dir;
        }
        List<Path> children;
        try (Stream<Path> list = Files.list(dir)) {
            children = list.filter(Files::isDirectory).filter(child -> !child.getFileName().toString().startsWith(".")
                    && !child.getFileName().toString().equals("__MACOSX")).toList();
        }
        if (children.size() == 1 && Files.isDirectory(children.get(0).resolve("labs"))) {
            return children.get(0);
        }
        throw new UserError(source + " holds no labs/ folder: a submission is the student's copy of the workbook "
                + "(the folder with labs/ in it), as a folder, a .zip or a git bundle.");
    }

    /**
     * Unpacks a zip. Entry names are UTF-8 when the zip says so (or they decode as UTF-8); otherwise
     * they are read as CP437, the code page of Windows' built-in zip and older tools.
     */
    private static void unzip(Path zip, Path into) throws IOException {
        try {
            unzip(zip, into, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | java.util.zip.ZipException notUtf8) {
            LabRun.deleteTree(into);
            try {
                unzip(zip, into, Charset.forName("IBM437"));
            } catch (IllegalArgumentException | java.util.zip.ZipException e) {
                throw new UserError(zip + " is not a readable zip archive (" + e.getMessage() + ").", e);
            }
        }
    }

    private static void unzip(Path zip, Path into, Charset names) throws IOException {
        Path base = into.toAbsolutePath().normalize();
        Files.createDirectories(base);
        long unpacked = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipFile file = new ZipFile(zip.toFile(), names)) {
            for (ZipEntry entry : java.util.Collections.list(file.entries())) {
                if (++entries > MAX_ENTRIES) {
                    throw new UserError(zip + " has more than " + MAX_ENTRIES + " files; is it the right archive?");
                }
                Path target = base.resolve(entry.getName()).normalize();
                if (!target.startsWith(base) || target.equals(base)) {
                    throw new UserError(zip + " has an entry that points outside the archive (" + entry.getName() + "); it was not unpacked.");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                // Every entry becomes a plain file: a symbolic link stored in a zip is unpacked as the text of its target.
                try (InputStream in = file.getInputStream(entry); var out = Files.newOutputStream(target)) {
                    int read;
                    while ((read = in.read(buffer)) > 0) {
                        unpacked += read;
                        if (unpacked > MAX_UNPACKED_BYTES) {
                            throw new UserError(zip + " unpacks to more than " + MAX_UNPACKED_BYTES / (1024 * 1024)
                                    + " MB; is it the right archive? (remove target/ folders before zipping)");
                        }
                        out.write(buffer, 0, read);
                    }
                }
            }
        }
        if (entries == 0) {
            throw new UserError(zip + " is empty or not a zip archive.");
        }
    }

    private static boolean isBundle(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes(20);
            return new String(start, StandardCharsets.US_ASCII).startsWith("# v2 git bundle")
                    || new String(start, StandardCharsets.US_ASCII).startsWith("# v3 git bundle");
        } catch (IOException e) {
            return false;
        }
    }

    private static void cloneBundle(Path bundle, Path into) throws IOException {
        List<String> command = new ArrayList<>(List.of("git", "-c", "core.symlinks=false", "clone", "--quiet",
                "--config", "core.symlinks=false", "--no-recurse-submodules", bundle.toString(), into.toString()));
        Process git;
        try {
            git = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UserError("Reading a git bundle needs git, which is not on the PATH. Install git, or submit a folder or a .zip.");
        }
        String output;
        try (InputStream in = git.getInputStream()) {
            output = new String(in.readNBytes(16 * 1024), StandardCharsets.UTF_8);
        }
        try {
            if (!git.waitFor(120, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                throw new UserError("git clone of " + bundle + " took more than 2 minutes; is it the right file?");
            }
        } catch (InterruptedException e) {
            git.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new UserError("Interrupted while unpacking " + bundle + ".");
        }
        if (git.exitValue() != 0) {
            throw new UserError(bundle + " could not be cloned as a git bundle: " + output.strip());
        }
        if (!Files.isDirectory(into.resolve("labs"))) {
            throw new UserError(bundle + " was cloned but has no labs/ folder on its default branch. "
                    + "Make the bundle with `git bundle create <file> --all` from the student's repository (HEAD must point at their work).");
        }
    }
}
