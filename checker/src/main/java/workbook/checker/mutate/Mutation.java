package workbook.checker.mutate;

import com.fasterxml.jackson.databind.JsonNode;
import workbook.checker.course.Course;
import workbook.checker.course.Lab;
import workbook.checker.report.Files2;
import workbook.checker.report.Json;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Mutation testing of one lab: PIT on the classes a student writes, with the public tests alone and
 * with public + hidden tests, written as {@code checker/mutation/NN-slug.json} and {@code .md}.
 */
public final class Mutation {
    /** The per-test budget of the lab standard: no single test over 3 s. */
    public static final long DEFAULT_BUDGET_MILLIS = 3_000;

    private final Course course;
    private final PitRunner pit;
    private final Path work;
    private final PrintWriter progress;
    private final String checkerVersion;
    private boolean prepared;

    public Mutation(Course course, PitRunner pit, Path work, PrintWriter progress, String checkerVersion) {
        this.course = course;
        this.pit = pit;
        this.work = work;
        this.progress = progress;
        this.checkerVersion = checkerVersion;
    }

    /** What is committed for a lab: the hash its report measured and its verdict. */
    public record Stamp(String inputsHash, boolean passed, double publicStrength, double hiddenStrength,
                        int survivors, int timedOut, double minutes) {
    }

    public static Path reportFolder(Course course) {
        return course.root().resolve("checker/mutation");
    }

    public static Path jsonReport(Course course, Lab lab) {
        return reportFolder(course).resolve(lab.id() + ".json");
    }

    public static Path markdownReport(Course course, Lab lab) {
        return reportFolder(course).resolve(lab.id() + ".md");
    }

    /** The committed report's stamp, if there is a readable one. */
    public Optional<Stamp> committed(Lab lab) {
        Path file = jsonReport(course, lab);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode report = Json.MAPPER.readTree(file.toFile());
            // A report written before survivors counted against the bar says PASS with survivors: it does not pass.
            boolean survivorsLeft = false;
            for (JsonNode survivor : report.path("publicAndHidden").path("survivors")) {
                survivorsLeft |= MutationReport.unexplained(survivor.path("status").asText());
            }
            return Optional.of(new Stamp(report.path("inputsHash").asText(""), report.path("passed").asBoolean(false) && !survivorsLeft,
                    report.path("publicTests").path("strength").asDouble(), report.path("publicAndHidden").path("strength").asDouble(),
                    report.path("publicAndHidden").path("survivors").size(),
                    report.path("publicAndHidden").path("total").path("timedOut").asInt(), report.path("minutes").asDouble()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public String currentHash(Lab lab, long budgetMillis) {
        return Inputs.hash(course, lab, budgetMillis);
    }

    /** Runs PIT twice on the lab and writes its report. */
    public MutationReport measure(Lab lab, long budgetMillis) throws Exception {
        if (!prepared) {
            progress.println("mutate: making sure the Maven repository holds the current lab kit...");
            progress.flush();
            pit.prepare();
            prepared = true;
        }
        long started = System.nanoTime();
        String hash = currentHash(lab, budgetMillis);
        Targets targets = Targets.of(lab);
        Equivalents equivalents = Equivalents.read(lab.hiddenDir().resolve("EQUIVALENT.md"));
        boolean timeoutsDetected = targets.unboundedTests().isEmpty();
        Tally.RunResult publicRun = runOnce(lab, targets, false, budgetMillis, equivalents, timeoutsDetected);
        Tally.RunResult hiddenRun = runOnce(lab, targets, true, budgetMillis, equivalents, timeoutsDetected);
        double minutes = (System.nanoTime() - started) / 60e9;
        MutationReport report = MutationReport.of(lab.id(), checkerVersion, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                hash, Inputs.pitVersions(course), budgetMillis, targets, publicRun, hiddenRun, minutes);
        Json.write(jsonReport(course, lab), report);
        Files2.writeAtomically(markdownReport(course, lab), report.markdown());
        progress.printf(Locale.ROOT, "mutate: %s %s (strength public %s, public + hidden %s; %.1f min)%n", lab.id(), report.verdict(),
                MutationReport.percent(publicRun.strength()), MutationReport.percent(hiddenRun.strength()), minutes);
        progress.flush();
        return report;
    }

    private Tally.RunResult runOnce(Lab lab, Targets targets, boolean withHidden, long budgetMillis,
                                    Equivalents equivalents, boolean timeoutsDetected) throws Exception {
        String name = withHidden ? "public+hidden" : "public";
        progress.printf("mutate: %s, PIT with the %s tests...%n", lab.id(), withHidden ? "public and hidden" : "public");
        progress.flush();
        long started = System.nanoTime();
        Path xml = pit.run(lab, targets, withHidden, budgetMillis, work.resolve(lab.id()).resolve(name));
        List<Mutant> mutants = Mutant.readAll(xml);
        return Tally.count(name, targets.classes(), mutants, equivalents, timeoutsDetected, (System.nanoTime() - started) / 1e9);
    }
}
