package workbook.labkit.launcher;

import workbook.labkit.progress.LabResults;
import workbook.labkit.progress.LabSheet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code ./workbook hint NN [task]}: the next level of a task's hint ladder (nudge, approach,
 * near-solution), read from the lab sheet. Without a task number it takes the first task the last
 * test run did not finish.
 */
public final class Hint {
    private Hint() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]);
        Path lab = root.resolve("labs").resolve(args[1]);
        Optional<Integer> task = args.length > 2 ? Optional.of(parseTask(args[2])) : Optional.empty();
        System.out.println(next(root, lab, task));
    }

    private static int parseTask(String text) {
        try {
            return Integer.parseInt(text.replaceFirst("(?i)^task", ""));
        } catch (NumberFormatException e) {
            System.err.println("workbook: '" + text + "' is not a task number; use e.g. ./workbook hint 04 2");
            System.exit(2);
            return 0;
        }
    }

    /** Opens the next hint level and returns the text to show. */
    public static String next(Path root, Path lab, Optional<Integer> wantedTask) throws IOException {
        LabSheet sheet = LabSheet.read(lab);
        int taskId = wantedTask.orElseGet(() -> currentTask(lab, sheet));
        LabSheet.TaskInfo task = sheet.task(taskId).orElse(null);
        if (task == null) {
            return "Lab " + sheet.labId() + " has no task " + taskId + "; its tasks are 1 to " + sheet.tasks().size() + ".";
        }
        if (task.hints().isEmpty()) {
            return "Task " + taskId + " has no hints in its lab sheet.";
        }
        LearnerState state = LearnerState.load(root);
        int opened = state.hintsOpened(sheet.labId(), taskId);
        int level = Math.min(opened + 1, task.hints().size());
        state.recordHintOpened(sheet.labId(), taskId, level);
        LabSheet.Hint hint = task.hints().get(level - 1);
        StringBuilder out = new StringBuilder();
        out.append("Task ").append(taskId).append(": ").append(task.title()).append("  (hint ").append(level)
                .append(" of ").append(task.hints().size()).append(")\n\n");
        out.append(hint.label()).append("\n\n").append(hint.text()).append('\n');
        if (level < task.hints().size()) {
            out.append("\nRun the same command again for the next hint.");
        } else {
            out.append("\nThat was the last hint. The walkthrough is in solutions/").append(sheet.labId()).append("/README.md.");
        }
        return out.toString();
    }

    /** The first task not done in the last run, or task 1 when the lab has not been run yet. */
    static int currentTask(Path lab, LabSheet sheet) {
        Path results = lab.resolve("target/workbook/results.json");
        if (Files.isRegularFile(results)) {
            try {
                return LabResults.read(results).tasks().stream().filter(task -> !task.done())
                        .map(LabResults.TaskResult::id).findFirst().orElse(sheet.tasks().get(sheet.tasks().size() - 1).id());
            } catch (IOException e) {
                // fall through to the first task
            }
        }
        return sheet.tasks().get(0).id();
    }
}
