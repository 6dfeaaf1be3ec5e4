package workbook.labkit.progress;

import workbook.labkit.launcher.LearnerState;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the learner stands in every lab, from the last test run of each: tasks done and left,
 * points, and the next task. {@code java ... workbook.labkit.progress.Status <repository root>}
 */
public final class Status {
    private Status() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        System.out.print(render(root));
    }

    public static String render(Path root) throws IOException {
        List<Path> labs;
        try (Stream<Path> entries = Files.list(root.resolve("labs"))) {
            labs = entries.filter(dir -> dir.getFileName().toString().matches("\\d\\d-.*"))
                    .filter(dir -> Files.isRegularFile(dir.resolve("README.md")))
                    .sorted().toList();
        }
        LearnerState state = LearnerState.load(root);
        StringBuilder out = new StringBuilder();
        out.append(String.format("%-28s %-12s %-10s %-7s %s%n", "lab", "tasks done", "points", "hints", "next"));
        for (Path lab : labs) {
            LabSheet sheet = LabSheet.read(lab);
            Optional<LabResults> results = lastResults(lab);
            if (results.isEmpty()) {
                out.append(String.format("%-28s %-12s %-10s %-7s %s%n", sheet.labId(), "0/" + sheet.tasks().size(),
                        "0/" + sheet.totalPoints(), state.hintsOpened(sheet.labId()), "not run yet: ./workbook test " + sheet.labId().substring(0, 2)));
                continue;
            }
            LabResults run = results.get();
            long done = run.tasks().stream().filter(LabResults.TaskResult::done).count();
            String next = run.tasks().stream().filter(task -> !task.done()).findFirst()
                    .map(task -> "Task " + task.id() + ": " + task.title())
                    .orElse("all done");
            out.append(String.format("%-28s %-12s %-10s %-7s %s%n", sheet.labId(), done + "/" + run.tasks().size(),
                    run.pointsEarned() + "/" + run.pointsPossible(), state.hintsOpened(sheet.labId()), next));
        }
        return out.toString();
    }

    static Optional<LabResults> lastResults(Path lab) {
        Path file = lab.resolve("target/workbook/results.json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LabResults.read(file));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
