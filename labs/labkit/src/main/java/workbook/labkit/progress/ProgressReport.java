package workbook.labkit.progress;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/** The short summary printed after a lab's tests: where the student stands and what to do next. */
public final class ProgressReport {
    private static final String RULE = "-".repeat(78);
    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());

    private ProgressReport() {
    }

    public static String render(LabSheet sheet, LabResults results) {
        StringBuilder out = new StringBuilder();
        long done = results.tasks().stream().filter(LabResults.TaskResult::done).count();
        out.append(RULE).append('\n');
        out.append(String.format(" %s  (%d of %d tasks done, %d/%d points)%n",
                sheet.title(), done, results.tasks().size(), results.pointsEarned(), results.pointsPossible()));
        for (LabResults.TaskResult task : results.tasks()) {
            String state = task.done() ? "" : task.tests() == 0 ? "no tests ran" : (task.tests() - task.passed()) + " of " + task.tests() + " tests failing";
            out.append(String.format("   %-4s Task %d  %-44s %3d/%-3d %s%s%n", task.done() ? "done" : "todo", task.id(),
                    shorten(task.title(), 44), task.earned(), task.points(), state, remembered(results, task.id())).stripTrailing()).append('\n');
        }
        Optional<LabResults.TaskResult> next = results.tasks().stream().filter(task -> !task.done()).findFirst();
        if (next.isPresent()) {
            LabSheet.TaskInfo info = sheet.task(next.get().id()).orElseThrow();
            out.append(String.format(" Next: Task %d, %s%n", info.id(), info.title()));
            firstFailure(results.tests(), info.id()).ifPresent(message ->
                    out.append("   first failure: ").append(shorten(message.replace('\n', ' '), 300)).append('\n'));
            out.append("   the task: labs/").append(sheet.labId()).append("/README.md#").append(info.anchor()).append('\n');
            if (!info.hints().isEmpty()) {
                // Hints stay hidden until asked for: the launcher shows them one level at a time and counts them.
                out.append("   stuck? ./workbook hint ").append(sheet.labId(), 0, 2).append(" shows the next hint (")
                        .append(info.hints().size()).append(" levels)\n");
            }
        } else {
            out.append(" Every task is done. Compare with the reference: solutions/").append(sheet.labId()).append("/README.md\n");
        }
        out.append(RULE);
        return out.toString();
    }

    /** Says so when a task's tests did not run this time and its row comes from an earlier run. */
    private static String remembered(LabResults results, int task) {
        List<LabResults.TestResult> ofTask = results.tests().stream().filter(test -> Integer.valueOf(task).equals(test.task())).toList();
        if (ofTask.isEmpty() || !ofTask.stream().allMatch(test -> test.before(results.runStartedAt()))) {
            return "";
        }
        Instant last = ofTask.stream().map(test -> Instant.parse(test.finishedAt())).max(Instant::compareTo).orElseThrow();
        return " (from the " + CLOCK_TIME.format(last) + " run)";
    }

    private static Optional<String> firstFailure(List<LabResults.TestResult> tests, int task) {
        return tests.stream()
                .filter(test -> Integer.valueOf(task).equals(test.task()) && test.status() != LabResults.Status.PASSED)
                .map(test -> test.displayName() + ": " + test.message())
                .findFirst();
    }

    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
