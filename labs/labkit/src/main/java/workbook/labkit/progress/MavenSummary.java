package workbook.labkit.progress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

/**
 * The last step of {@code mvn test} in a lab (labs/pom.xml runs it with exec:java right after
 * surefire). Surefire lists every failing test and then Maven prints its footer, which would bury the
 * summary 60 lines up; so surefire lets failures through, this step prints the summary, and then it
 * fails the build itself when a test of this run failed. Arguments: the results file, the lab's
 * directory (where its sheet is), the build's start (ISO-8601, UTC, seconds), whether to let failures through ({@code maven.test.failure.ignore}),
 * then any number of skip flags ({@code skipTests}, {@code maven.test.skip}, ...): any "true" skips.
 */
public final class MavenSummary {
    /** Set in the test JVM by the lab's pom: the listener leaves the summary to this step. */
    public static final String PRINTS_SUMMARY = "workbook.summaryAfterTests";

    private MavenSummary() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 4) {
            throw new IllegalArgumentException("usage: MavenSummary <results.json> <lab directory> <build start> <ignore failures> [skip flags...]");
        }
        if (Arrays.stream(args).skip(4).anyMatch("true"::equalsIgnoreCase)) {
            return;
        }
        Path file = Path.of(args[0]);
        Instant buildStart = Instant.parse(args[2]);
        if (!Files.isRegularFile(file)) {
            return; // no test of this lab ran (say, -Dtest matched nothing): surefire has said so
        }
        LabResults results = LabResults.read(file);
        if (results.runStartedAt() == null || Instant.parse(results.runStartedAt()).isBefore(buildStart.truncatedTo(ChronoUnit.SECONDS))) {
            return; // the file is from an earlier build: no test ran in this one
        }
        System.out.println(ProgressReport.render(LabSheet.read(Path.of(args[1])), results));
        String failure = failure(results);
        if (failure != null && !Boolean.parseBoolean(args[3])) {
            throw new TestsFailed(failure);
        }
    }

    /** Why this run fails the build, or null when it does not. */
    static String failure(LabResults results) {
        if (!results.finished()) {
            return "the test run stopped before its end (a crash, a hang or System.exit): see the output above";
        }
        List<LabResults.TestResult> failing = results.tests().stream()
                .filter(test -> !test.before(results.runStartedAt()))
                .filter(test -> test.status() != LabResults.Status.PASSED && test.status() != LabResults.Status.SKIPPED)
                .toList();
        if (failing.isEmpty()) {
            return null;
        }
        return failing.size() + (failing.size() == 1 ? " test" : " tests") + " failed: the summary above says which task is next";
    }

    /** Fails the Maven build with one line (exec:java reports the exception's message). */
    static final class TestsFailed extends RuntimeException {
        TestsFailed(String message) {
            super(message, null, false, false);
        }
    }
}
