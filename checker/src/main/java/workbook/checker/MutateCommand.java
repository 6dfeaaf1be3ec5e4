package workbook.checker;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import workbook.checker.course.Course;
import workbook.checker.course.Lab;
import workbook.checker.mutate.BelowBar;
import workbook.checker.mutate.MavenPit;
import workbook.checker.mutate.Mutation;
import workbook.checker.mutate.MutationReport;
import workbook.checker.mutate.PitRunner;
import workbook.checker.report.TextTable;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "mutate", mixinStandardHelpOptions = true,
        description = {"Mutation testing (PIT) of the classes a student writes, with the public tests alone and with public + hidden tests; "
                + "writes checker/mutation/NN-slug.md and .json. Labs whose committed report measured the current inputs are skipped "
                + "(--force runs them anyway). Exits 1 when a lab is under the bar.",
                "With --check (the CI gate): exits 1 when a lab not listed in checker/mutation/BELOW_BAR is under the bar, or when a "
                        + "report was missing or stale (it is measured again and written: commit it). A lab listed in BELOW_BAR that has no report yet is not measured."})
final class MutateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--root", paramLabel = "DIR",
            description = "The course repository (default: the nearest folder upwards holding labs/pom.xml).")
    Path root;

    @Option(names = "--lab", paramLabel = "NN", split = ",",
            description = "Only these labs, by number or folder name (repeatable, or comma-separated). Default: every registered lab.")
    List<String> labs = new ArrayList<>();

    @Option(names = "--work", paramLabel = "DIR",
            description = "Scratch folder for PIT's reports and logs (default: checker/target/work under the repository).")
    Path work;

    @Option(names = "--force", description = "Measure again even when the committed report measured the current inputs.")
    boolean force;

    @Option(names = "--check", description = "The CI gate: measure only labs whose report is missing or stale, then fail on a "
            + "lab under the bar that BELOW_BAR does not list, or on a report that had to be written again.")
    boolean check;

    @Option(names = "--budget", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "The per-test budget PIT adds to each test's normal time before it calls a mutant timed out (default: the lab standard's 3s).")
    Duration budget = Duration.ofMillis(Mutation.DEFAULT_BUDGET_MILLIS);

    /** Replaced in tests, so that they need neither Maven nor PIT. */
    static java.util.function.Function<Course, PitRunner> runners = MavenPit::new;

    private record Row(Lab lab, String state, Mutation.Stamp stamp) {
    }

    @Override
    public Integer call() throws Exception {
        if (force && check) {
            throw new UserError("--force and --check do not go together: --check measures only labs whose inputs changed.");
        }
        Course course = CommonOptions.courseAt(root);
        List<Lab> selected = course.select(labs);
        Path scratch = (work != null ? work.toAbsolutePath() : course.root().resolve("checker/target/work")).resolve("mutate");
        WorkLock.claim(scratch, "mutate");
        PrintWriter err = spec.commandLine().getErr();
        Mutation mutation = new Mutation(course, runners.apply(course), scratch, err, Version.current());
        long budgetMillis = budget.toMillis();
        BelowBar belowBar = BelowBar.read(Mutation.reportFolder(course).resolve("BELOW_BAR"));
        List<Row> rows = new ArrayList<>();
        for (Lab lab : selected) {
            Optional<Mutation.Stamp> committed = mutation.committed(lab);
            if (check && committed.isEmpty() && belowBar.lists(lab.id())) {
                rows.add(new Row(lab, "not measured", null));
                continue;
            }
            boolean current = committed.isPresent() && committed.get().inputsHash().equals(mutation.currentHash(lab, budgetMillis));
            if (current && !force) {
                rows.add(new Row(lab, "up to date", committed.get()));
                continue;
            }
            MutationReport report = mutation.measure(lab, budgetMillis);
            String state = force && current ? "measured" : committed.isEmpty() ? "was missing" : "was stale";
            rows.add(new Row(lab, state, new Mutation.Stamp(report.inputsHash(), report.passed(), report.publicTests().strength(),
                    report.publicAndHidden().strength(), report.publicAndHidden().survivors().size(),
                    report.publicAndHidden().total().timedOut(), report.minutes())));
        }
        List<String> failures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        TextTable table = new TextTable("lab", "strength public", "public+hidden", "survivors", "timed out", "minutes", "verdict", "report");
        for (Row row : rows) {
            Mutation.Stamp stamp = row.stamp();
            if (stamp == null) {
                table.row(row.lab().id(), "-", "-", "-", "-", "-", "-", row.state());
                notes.add(row.lab().id() + " has no report yet and is listed in checker/mutation/BELOW_BAR ("
                        + belowBar.labs().get(row.lab().id()) + "): run ./checker/grade mutate --lab " + row.lab().number() + " and commit it");
                continue;
            }
            table.row(row.lab().id(), percent(stamp.publicStrength()), percent(stamp.hiddenStrength()), stamp.survivors(),
                    stamp.timedOut(), String.format(Locale.ROOT, "%.1f", stamp.minutes()), stamp.passed() ? "PASS" : "FAIL", row.state());
            String report = "checker/mutation/" + row.lab().id() + ".md";
            if (!stamp.passed()) {
                if (!check) {
                    failures.add(row.lab().id() + " is under the bar: see " + report);
                } else if (belowBar.lists(row.lab().id())) {
                    notes.add(row.lab().id() + " is under the bar, listed in checker/mutation/BELOW_BAR (" + belowBar.labs().get(row.lab().id()) + ")");
                } else {
                    failures.add(row.lab().id() + " is under the bar and not listed in checker/mutation/BELOW_BAR: see " + report);
                }
            } else if (belowBar.lists(row.lab().id())) {
                notes.add(row.lab().id() + " reaches the bar: take it off checker/mutation/BELOW_BAR");
            }
            if (check && !row.state().equals("up to date")) {
                failures.add(row.lab().id() + "'s report " + row.state() + " (its inputs changed) and was measured again: commit "
                        + "checker/mutation/" + row.lab().id() + ".md and .json");
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print("\n" + table.render());
        notes.forEach(note -> out.println("  note: " + note));
        if (failures.isEmpty()) {
            out.println(check ? "\nMutation gate passed." : "\nEvery lab reaches the mutation bar.");
        } else {
            out.println("\n" + (check ? "Mutation gate FAILED" : "Under the bar") + " (" + failures.size() + "):");
            failures.forEach(failure -> out.println("  - " + failure));
        }
        out.flush();
        return failures.isEmpty() ? 0 : 1;
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }
}
