package workbook.checker.mutate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A lab's mutation report: {@code checker/mutation/NN-slug.json} (this record) and
 * {@code checker/mutation/NN-slug.md} ({@link #markdown()}).
 *
 * @param inputsHash     what it measured ({@link Inputs}); a different current hash makes it stale
 * @param budgetMillis   the per-test budget PIT's time-out adds to each test's normal time
 * @param unboundedTests tests that set their own time limit (when any, time-outs count as survivors)
 */
public record MutationReport(String lab, String checkerVersion, String date, String inputsHash, String pit,
                             long budgetMillis, List<String> classes, List<String> unboundedTests,
                             Tally.RunResult publicTests, Tally.RunResult publicAndHidden, double minutes,
                             boolean passed, List<String> shortfalls) {

    /** The bar of the lab standard. */
    public static final double PUBLIC_BAR = 0.80;
    public static final double HIDDEN_BAR = 0.90;

    public static MutationReport of(String lab, String checkerVersion, String date, String inputsHash, String pit,
                                    long budgetMillis, Targets targets, Tally.RunResult publicRun,
                                    Tally.RunResult hiddenRun, double minutes) {
        List<String> shortfalls = new ArrayList<>();
        if (publicRun.strength() < PUBLIC_BAR) {
            shortfalls.add(String.format(Locale.ROOT, "public tests alone: test strength %s, the bar is %s",
                    percent(publicRun.strength()), percent(PUBLIC_BAR)));
        }
        if (hiddenRun.strength() < HIDDEN_BAR) {
            shortfalls.add(String.format(Locale.ROOT, "public + hidden tests: test strength %s, the bar is %s",
                    percent(hiddenRun.strength()), percent(HIDDEN_BAR)));
        }
        if (hiddenRun.total().noCoverage() > 0) {
            shortfalls.add(hiddenRun.total().noCoverage() + " mutants in code no test runs (public + hidden): a class a student writes must have no uncovered code");
        }
        long unexplained = unexplainedSurvivors(hiddenRun.survivors());
        if (unexplained > 0) {
            shortfalls.add(unexplained + " mutants survive the public and hidden tests: kill each with a test, or list it in "
                    + "EQUIVALENT.md with the reason it cannot change what the code answers");
        }
        return new MutationReport(lab, checkerVersion, date, inputsHash, pit, budgetMillis, targets.classes(),
                targets.unboundedTests(), publicRun, hiddenRun, minutes, shortfalls.isEmpty(), List.copyOf(shortfalls));
    }

    /** Survivors other than uncovered ones (those have their own shortfall): each needs a test or an EQUIVALENT.md entry. */
    public static long unexplainedSurvivors(List<Mutant> survivors) {
        return survivors.stream().filter(mutant -> unexplained(mutant.status())).count();
    }

    /** Whether a survivor with this PIT status needs a test or an EQUIVALENT.md entry (an uncovered one counts apart). */
    static boolean unexplained(String status) {
        return !"NO_COVERAGE".equals(status);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    public String verdict() {
        return passed ? "PASS" : "FAIL";
    }

    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Mutation testing: ").append(lab).append("\n\n");
        md.append("**").append(verdict()).append("** against the bar: test strength (detected / covered mutants) at least ")
                .append(percent(HIDDEN_BAR)).append(" with public + hidden tests and ").append(percent(PUBLIC_BAR))
                .append(" with the public tests alone, and no mutant in code no test runs.\n\n");
        md.append("| tests | strength | mutation score | generated | detected | survived | timed out | no coverage | equivalent | minutes |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Tally.RunResult run : List.of(publicTests, publicAndHidden)) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %d | %d | %d | %d | %d | %.1f |%n", run.run(),
                    percent(run.strength()), percent(run.score()), run.total().generated(), run.detected(),
                    run.total().survived(), run.total().timedOut(), run.total().noCoverage(), run.total().equivalent(),
                    run.seconds() / 60));
        }
        if (!shortfalls.isEmpty()) {
            md.append("\nUnder the bar:\n\n");
            shortfalls.forEach(shortfall -> md.append("- ").append(shortfall).append('\n'));
        }
        for (Tally.RunResult run : List.of(publicTests, publicAndHidden)) {
            md.append("\n## ").append(run.run().equals("public") ? "Public tests alone" : "Public + hidden tests").append("\n\n");
            md.append("| class | generated | killed | timed out | other detected | survived | equivalent | no coverage | strength |\n");
            md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
            for (Tally.ClassCounts counts : run.classes()) {
                int covered = counts.generated() - counts.noCoverage() - counts.equivalent();
                md.append(String.format(Locale.ROOT, "| `%s` | %d | %d | %d | %d | %d | %d | %d | %s |%n",
                        simpleName(counts.name()), counts.generated(), counts.killed(), counts.timedOut(),
                        counts.otherDetected(), counts.survived(), counts.equivalent(), counts.noCoverage(),
                        covered == 0 ? "-" : percent((double) counts.detected(run.timeoutsDetected()) / covered)));
            }
            md.append("\n");
            if (run.survivors().isEmpty()) {
                md.append("No survivors.\n");
            } else {
                md.append("Survivors (").append(run.survivors().size()).append("):\n\n");
                md.append("| class | line | mutator | status | what it changed |\n| --- | ---: | --- | --- | --- |\n");
                run.survivors().forEach(mutant -> md.append(row(mutant)));
            }
            if (!run.equivalents().isEmpty()) {
                md.append("\nEquivalent (listed in EQUIVALENT.md, left out of the counts): ").append(run.equivalents().size()).append("\n\n");
                md.append("| class | line | mutator | status | what it changed |\n| --- | ---: | --- | --- | --- |\n");
                run.equivalents().forEach(mutant -> md.append(row(mutant)));
            }
        }
        md.append("\n## How this was measured\n\n");
        md.append("`./checker/grade mutate --lab ").append(lab, 0, 2).append("` ran PIT (").append(pit)
                .append(") on the classes a student writes (").append(String.join(", ", classes.stream().map(MutationReport::simpleName).toList()))
                .append(", each with its nested classes), once with the lab's public tests and once with the public and the hidden tests; ")
                .append("experiments (tag `experiment`) were left out.\n\n");
        md.append("Time-outs: PIT stopped a test that ran longer than 1.25 times its normal time plus the lab's per-test budget of ")
                .append(budgetMillis).append(" ms. ");
        if (unboundedTests.isEmpty()) {
            md.append("A timed-out mutant counts as detected: every test of this lab runs under the lab kit's per-test limit ")
                    .append("(30 s, in a thread of its own, so that even a loop ignoring interrupts fails), so the same mutant in a ")
                    .append("student's code fails that test when it really hangs.\n");
        } else {
            md.append("Timed-out mutants count as survivors here, because these tests set their own time limit and might ")
                    .append("not fail on a real hang: ").append(String.join(", ", unboundedTests)).append(".\n");
        }
        md.append("\nInputs hash (`mutate --check` re-runs the lab when it changes): `").append(inputsHash).append("`. ")
                .append("Measured on ").append(date).append(" by checker ").append(checkerVersion)
                .append(String.format(Locale.ROOT, " in %.1f minutes.%n", minutes));
        return md.toString();
    }

    private static String row(Mutant mutant) {
        return String.format(Locale.ROOT, "| `%s` | %d | %s | %s | %s |%n", simpleName(mutant.className()), mutant.line(),
                mutant.mutatorName(), mutant.status(), mutant.description().replace("|", "\\|"));
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
