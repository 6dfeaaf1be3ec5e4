package workbook.checker.course;

import workbook.checker.UserError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The course repository the checker works on: labs, solutions, slides, and the checker's hidden
 * tests and fixtures. A lab counts once it is registered as a module in {@code labs/pom.xml}, so a
 * lab still being written is left alone.
 */
public record Course(Path root) {
    private static final Pattern MODULE = Pattern.compile("<module>\\s*([^<\\s]+)\\s*</module>");
    private static final Pattern LAB_FOLDER = Pattern.compile("\\d\\d-[a-z0-9-]+");

    public static Course at(Path root) {
        Path absolute = root.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute.resolve("labs/pom.xml"))) {
            throw new UserError("No course repository at " + absolute + ": there is no labs/pom.xml. "
                    + "Run the checker from the repository root, or pass --root <folder>.");
        }
        return new Course(absolute);
    }

    /** Finds the course repository: the given folder, else the nearest folder upwards holding labs/pom.xml. */
    public static Course locate(Path given) {
        if (given != null) {
            return at(given);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("labs/pom.xml")) && Files.isDirectory(dir.resolve("checker"))) {
                return at(dir);
            }
        }
        return at(Path.of(""));
    }

    /** Every registered lab, in course order. */
    public List<Lab> labs() {
        Path pom = root.resolve("labs/pom.xml");
        String text;
        try {
            text = Files.readString(pom, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError("Cannot read " + pom + ": " + e.getMessage());
        }
        // Comments may hold modules that are switched off.
        Matcher module = MODULE.matcher(text.replaceAll("(?s)<!--.*?-->", ""));
        List<Lab> labs = new ArrayList<>();
        while (module.find()) {
            String name = module.group(1);
            if (LAB_FOLDER.matcher(name).matches() && Files.isDirectory(root.resolve("labs").resolve(name))) {
                labs.add(lab(name));
            }
        }
        labs.sort((a, b) -> a.id().compareTo(b.id()));
        return labs;
    }

    public Lab lab(String id) {
        return new Lab(id, root.resolve("labs").resolve(id), root.resolve("solutions").resolve(id),
                root.resolve("checker/hidden").resolve(id), root.resolve("checker/fixtures/wrong").resolve(id));
    }

    /**
     * The labs asked for on the command line ({@code 04} or {@code 04-rate-limiting}), or every lab
     * when none was asked for.
     */
    public List<Lab> select(List<String> wanted) {
        List<Lab> all = labs();
        if (wanted == null || wanted.isEmpty()) {
            if (all.isEmpty()) {
                throw new UserError("No labs are registered in " + root.resolve("labs/pom.xml")
                        + " (a lab is a <module>NN-slug</module> there).");
            }
            return all;
        }
        Set<Lab> chosen = new LinkedHashSet<>();
        for (String name : wanted) {
            String key = name.trim();
            List<Lab> matches = all.stream().filter(lab -> lab.id().equals(key) || lab.number().equals(key)).toList();
            if (matches.isEmpty()) {
                throw new UserError("There is no registered lab '" + key + "'. Labs: "
                        + String.join(", ", all.stream().map(Lab::id).toList())
                        + ". Use the number (04) or the folder name (04-rate-limiting).");
            }
            chosen.addAll(matches);
        }
        return List.copyOf(chosen);
    }

    /** The slides of a lab ({@code slides/04-rate-limiting.md}, or any other extension), if written. */
    public java.util.Optional<Path> slides(Lab lab) {
        Path folder = root.resolve("slides");
        Path markdown = folder.resolve(lab.id() + ".md");
        if (Files.isRegularFile(markdown)) {
            return java.util.Optional.of(markdown);
        }
        if (!Files.isDirectory(folder)) {
            return java.util.Optional.empty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().startsWith(lab.id() + "."))
                    .filter(Files::isRegularFile).sorted().findFirst();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }
}
