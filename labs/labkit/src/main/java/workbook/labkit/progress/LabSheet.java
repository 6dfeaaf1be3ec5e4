package workbook.labkit.progress;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lab sheet ({@code labs/NN-slug/README.md}) read as the single source of truth for the lab's
 * tasks: their numbers, titles and points; with the hint file beside it ({@code HINTS.md}), their
 * hint ladders. Tests, the progress summary, the launcher and the checker all read them from here,
 * so nothing restates them by hand.
 * <p>
 * The formats the two files must follow:
 * <pre>
 * README.md                                      HINTS.md
 * # Lab 04: Rate limiting                        # Hints: Lab 04
 * ### Task 1: Fixed window counter (10 points)   ## Task 1
 * ...                                            ### Hint 1: nudge
 *                                                text of the hint
 *                                                ### Hint 2: approach
 *                                                ...
 * </pre>
 * A sheet without a hint file may still carry its hints in {@code <details><summary>} blocks under
 * each task (the older format).
 */
public record LabSheet(String labId, String title, List<TaskInfo> tasks) {

    public record TaskInfo(int id, String title, int points, List<Hint> hints) {
        /** The anchor GitHub gives the task's heading, for links into the sheet. */
        public String anchor() {
            String heading = "Task " + id + ": " + title + " (" + points + " points)";
            return heading.toLowerCase().replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
        }
    }

    public record Hint(String label, String text) {
    }

    private static final Pattern TITLE = Pattern.compile("^#\\s+(.+?)\\s*$");
    private static final Pattern TASK = Pattern.compile("^###\\s+Task\\s+(\\d+):\\s+(.+?)\\s+\\((\\d+)\\s+points?\\)\\s*$");
    private static final Pattern SECTION_END = Pattern.compile("^#{1,3}\\s.*");
    private static final Pattern HINT = Pattern.compile("<details>\\s*<summary>(.*?)</summary>(.*?)</details>", Pattern.DOTALL);
    private static final Pattern HINT_TASK = Pattern.compile("^##\\s+Task\\s+(\\d+)\\b.*$");
    private static final Pattern HINT_HEADING = Pattern.compile("^###\\s+(.+?)\\s*$");

    /** The file beside the sheet that holds the hint ladders. */
    public static final String HINT_FILE = "HINTS.md";

    public static LabSheet read(Path labDirectory) {
        Path readme = labDirectory.resolve("README.md");
        LabSheet sheet;
        try {
            sheet = parse(labDirectory.getFileName().toString(), Files.readString(readme, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the lab sheet " + readme.toAbsolutePath()
                    + ": the lab's README.md defines its tasks and points. (" + e.getMessage() + ")", e);
        }
        Path hintFile = labDirectory.resolve(HINT_FILE);
        if (!Files.isRegularFile(hintFile)) {
            return sheet;
        }
        try {
            return sheet.withHints(parseHints(Files.readString(hintFile, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the hint file " + hintFile.toAbsolutePath() + " (" + e.getMessage() + ")", e);
        }
    }

    /** The hint ladders of a hint file, by task: {@code ## Task N} sections of {@code ### label} hints. */
    public static Map<Integer, List<Hint>> parseHints(String markdown) {
        Map<Integer, List<Hint>> byTask = new TreeMap<>();
        List<Hint> current = null;
        String label = null;
        StringBuilder text = new StringBuilder();
        boolean inCode = false;
        for (String line : (markdown + "\n## end").split("\r?\n", -1)) {
            if (line.strip().startsWith("```")) {
                inCode = !inCode;
            }
            // Inside a code block a line like "# comment" is code, not a heading.
            boolean code = inCode || line.strip().startsWith("```");
            Matcher task = HINT_TASK.matcher(code ? "" : line);
            Matcher heading = HINT_HEADING.matcher(code ? "" : line);
            boolean sectionEnds = !code && (line.startsWith("# ") || line.startsWith("## "));
            if ((sectionEnds || heading.matches()) && current != null && label != null) {
                current.add(new Hint(label, text.toString().strip()));
                label = null;
            }
            if (task.matches()) {
                current = byTask.computeIfAbsent(Integer.parseInt(task.group(1)), id -> new ArrayList<>());
            } else if (sectionEnds) {
                current = null;
            } else if (heading.matches() && current != null) {
                label = heading.group(1);
                text.setLength(0);
            } else if (label != null) {
                text.append(line).append('\n');
            }
        }
        return byTask;
    }

    /** This sheet with the hint ladders given (tasks without an entry get none). */
    public LabSheet withHints(Map<Integer, List<Hint>> hints) {
        List<TaskInfo> withHints = tasks.stream()
                .map(task -> new TaskInfo(task.id(), task.title(), task.points(), List.copyOf(hints.getOrDefault(task.id(), List.of()))))
                .toList();
        return new LabSheet(labId, title, withHints);
    }

    public static LabSheet parse(String labId, String markdown) {
        String title = labId;
        List<TaskInfo> tasks = new ArrayList<>();
        String[] lines = markdown.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher titleMatch = TITLE.matcher(lines[i]);
            if (title.equals(labId) && titleMatch.matches()) {
                title = titleMatch.group(1);
            }
            Matcher task = TASK.matcher(lines[i]);
            if (task.matches()) {
                StringBuilder body = new StringBuilder();
                int j = i + 1;
                while (j < lines.length && !SECTION_END.matcher(lines[j]).matches()) {
                    body.append(lines[j]).append('\n');
                    j++;
                }
                tasks.add(new TaskInfo(Integer.parseInt(task.group(1)), task.group(2).trim(),
                        Integer.parseInt(task.group(3)), hints(body.toString())));
            }
        }
        return new LabSheet(labId, title, List.copyOf(tasks));
    }

    private static List<Hint> hints(String body) {
        List<Hint> hints = new ArrayList<>();
        Matcher hint = HINT.matcher(body);
        while (hint.find()) {
            hints.add(new Hint(hint.group(1).trim(), hint.group(2).strip()));
        }
        return hints;
    }

    public Optional<TaskInfo> task(int id) {
        return tasks.stream().filter(task -> task.id() == id).findFirst();
    }

    public int totalPoints() {
        return tasks.stream().mapToInt(TaskInfo::points).sum();
    }

    /**
     * Finds the lab directory of the running tests: the system property {@code workbook.lab.dir}
     * (set by the build and by the checker), else the working directory when it holds a lab sheet,
     * else the lab a solution module belongs to ({@code solutions/NN-slug} → {@code labs/NN-slug}).
     */
    public static Optional<Path> locateLabDirectory() {
        String property = System.getProperty("workbook.lab.dir");
        if (property != null && !property.isBlank()) {
            return Optional.of(Path.of(property).toAbsolutePath().normalize());
        }
        Path workingDirectory = Path.of("").toAbsolutePath();
        Path parent = workingDirectory.getParent();
        if (parent != null && parent.getFileName() != null && parent.getFileName().toString().equals("solutions")) {
            Path lab = parent.resolveSibling("labs").resolve(workingDirectory.getFileName());
            if (Files.isRegularFile(lab.resolve("README.md"))) {
                return Optional.of(lab);
            }
        }
        if (Files.isRegularFile(workingDirectory.resolve("README.md"))
                && workingDirectory.getFileName().toString().matches("\\d\\d-.*")) {
            return Optional.of(workingDirectory);
        }
        return Optional.empty();
    }
}
