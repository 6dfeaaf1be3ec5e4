package workbook.checker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.checker.run.Sandbox;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A hostile student's submissions (fixture-submissions/README.md lists them with their points):
 * each scores what the code deserves, or is refused with a message.
 */
class AttackTest {
    /** A line of the hidden test's source that must never reach a student's report. */
    private static final String HIDDEN_SOURCE_LINE = "assertThatThrownBy(() -> new Counter(-1))";

    @TempDir
    static Path shared;
    static Path course;

    @TempDir
    Path temp;

    @BeforeAll
    static void course() throws IOException {
        course = Fixtures.course(shared);
    }

    private JsonNode grade(Path course, Path submission, String... extra) throws IOException {
        Path out = temp.resolve("reports");
        List<String> args = new ArrayList<>(List.of("grade", submission.toString(), "--root", course.toString(),
                "--out", out.toString(), "--test-timeout", "5s", "--lab-timeout", "60s"));
        args.addAll(List.of(extra));
        if (!args.contains("--work") && !args.contains("--default-work")) {
            args.addAll(List.of("--work", temp.resolve("work").toString()));
        }
        args.remove("--default-work");
        Fixtures.Run run = Fixtures.checker(args.toArray(String[]::new));
        assertThat(run.code()).as(run.toString()).isZero();
        return new ObjectMapper().readTree(out.resolve("grade.json").toFile());
    }

    private static JsonNode lab(JsonNode grade) {
        return grade.get("labs").get(0);
    }

    private static List<String> statuses(JsonNode lab, String testClass) {
        return StreamSupport.stream(lab.get("tests").spliterator(), false)
                .filter(test -> test.get("className").asText().endsWith(testClass))
                .map(test -> test.get("status").asText()).toList();
    }

    private static Path allowing(Path course, String... signatures) throws IOException {
        Fixtures.write(course.resolve("checker/hidden/01-counter/policy-allow.txt"), "# for this test\n" + String.join("\n", signatures) + "\n");
        return course;
    }

    @Test
    void forgedResultRecordsAndResultsFilesScoreNothing() throws IOException {
        JsonNode grade = grade(course, Fixtures.submission("forged-results", temp));

        assertThat(grade.get("pointsEarned").asInt()).isZero();
        JsonNode lab = lab(grade);
        assertThat(statuses(lab, "Test")).hasSize(5).doesNotContain("passed");
        assertThat(lab.get("notes").toString()).contains("line(s) made to look like test results; they were ignored");
    }

    @Test
    void hiddenTestsAndSolutionsCannotBeReadUnderIsolationNorReachTheFeedback() throws IOException {
        assumeTrue(Sandbox.detect().isolated(), "bubblewrap is not available here: " + Sandbox.detect().describe());
        // The default scratch folder lies inside the course, the easiest case for the attack.
        JsonNode grade = grade(course, Fixtures.submission("reads-hidden", temp), "--default-work");

        assertThat(grade.get("pointsEarned").asInt()).isEqualTo(40);
        assertThat(grade.get("isolation").asText()).startsWith("bubblewrap");
        assertThat(grade.toString()).contains("nothing found").doesNotContain("LEAKED");
        for (String report : List.of("feedback.md", "feedback.html", "junit.xml", "classroom.json")) {
            assertThat(temp.resolve("reports").resolve(report)).content().doesNotContain(HIDDEN_SOURCE_LINE).doesNotContain("LEAKED");
        }
    }

    @Test
    void aHiddenTestShowsItsNameTaskAndAMessageForStudentsOnly() throws IOException {
        grade(course, Fixtures.submission("partial", temp));

        assertThat(temp.resolve("reports/feedback.md")).content()
                .contains("HiddenLimitTest > rejectsANegativeLimit()")
                .contains("a hidden test of Task 2 failed: re-read the task's requirements")
                .doesNotContain("Expecting code to raise a throwable");
        assertThat(temp.resolve("reports/grade.json")).content().contains("Expecting code to raise a throwable");
    }

    @Test
    void startingAProcessIsRefusedByThePolicy() throws IOException {
        JsonNode lab = lab(grade(course, Fixtures.submission("lingering-child", temp)));

        assertThat(lab.get("pointsEarned").asInt()).isZero();
        assertThat(lab.get("status").asText()).isEqualTo("refused by the policy");
        assertThat(lab.get("notes").toString()).contains("java.lang.ProcessBuilder").contains("Counter.java:20");
    }

    @Test
    void aProcessTheLabAllowsDiesWithItsSandbox() throws IOException {
        assumeTrue(Sandbox.detect().isolated(), "bubblewrap is not available here: " + Sandbox.detect().describe());
        Path allowed = allowing(Fixtures.course(temp.resolve("allowing")), "java.lang.ProcessBuilder");

        JsonNode lab = lab(grade(allowed, Fixtures.submission("lingering-child", temp)));

        assertThat(lab.get("pointsEarned").asInt()).isEqualTo(40);
        assertThat(ProcessHandle.allProcesses().map(handle -> handle.info().commandLine().orElse(""))
                .filter(line -> line.contains("sleep 4242"))).as("processes the lab started, after grading").isEmpty();
    }

    @Test
    void systemExitIsRefusedByThePolicyNamingTheLine() throws IOException {
        JsonNode lab = lab(grade(course, Fixtures.submission("system-exit", temp)));

        assertThat(lab.get("pointsEarned").asInt()).isZero();
        assertThat(lab.get("notes").toString()).contains("java.lang.System#exit(int)").contains("fixture.counter.Counter (Counter.java:17)");
        assertThat(temp.resolve("reports/feedback.md")).content().contains("java.lang.System#exit(int)");
    }

    @Test
    void whereTheLabAllowsSystemExitOnlyTheTestThatCalledItIsLost() throws IOException {
        Path allowed = allowing(Fixtures.course(temp.resolve("allowing")), "java.lang.System#exit(int)");

        JsonNode lab = lab(grade(allowed, Fixtures.submission("system-exit", temp)));

        assertThat(lab.get("pointsEarned").asInt()).isEqualTo(40);
        assertThat(statuses(lab, "CountingTest")).containsOnly("passed");
        assertThat(statuses(lab, ".LimitTest")).containsOnly("error");
        assertThat(lab.get("notes").toString()).contains("The test JVM ended early");
    }

    @Test
    void aLinkToTheCoursesSolutionIsRefused() throws IOException {
        Path submission = Fixtures.submission("partial", temp);
        Path main = submission.resolve("labs/01-counter/src/main");
        deleteTree(main);
        Files.createSymbolicLink(main, course.resolve("solutions/01-counter/src/main"));

        JsonNode lab = lab(grade(course, submission));

        assertThat(lab.get("pointsEarned").asInt()).isZero();
        assertThat(lab.get("status").asText()).isEqualTo("refused");
        assertThat(lab.get("notes").toString()).contains("labs/01-counter/src/main is a symbolic link");
    }

    @Test
    void aRelativeLinkInABundleIsClonedAsAPlainFile() throws Exception {
        Path repo = Fixtures.submission("partial", temp.resolve("repo"));
        Path java = repo.resolve("labs/01-counter/src/main/java");
        deleteTree(java);
        Files.createSymbolicLink(java, Path.of("../../../../../../course/solutions/01-counter/src/main/java"));
        Path bundle = temp.resolve("eve.bundle");
        Fixtures.gitBundle(repo, bundle);

        JsonNode lab = lab(grade(course, bundle));

        assertThat(lab.get("pointsEarned").asInt()).isZero();
        assertThat(lab.get("status").asText()).isEqualTo("missing");
    }

    @Test
    void aZipWithCp437NamesIsGraded() throws IOException {
        Path correct = Fixtures.submission("correct", temp.resolve("unpacked"));
        Fixtures.write(correct.resolve("labs/01-counter/notes-caf\u00e9.txt"), "written on Windows");
        Path zip = temp.resolve("zoe.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip), Charset.forName("IBM437"));
             Stream<Path> walk = Files.walk(correct)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new ZipEntry("workbook/" + correct.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        assertThat(new String(Files.readAllBytes(zip), "ISO-8859-1")).as("the name is CP437 (0x82), not UTF-8").contains("notes-caf\u0082.txt");

        assertThat(grade(course, zip).get("pointsEarned").asInt()).isEqualTo(100);
    }

    @Test
    void aScratchFolderGivenWithDotDotWorksAndIsCleanedUp() throws IOException {
        Path correct = Fixtures.submission("correct", temp.resolve("unpacked"));
        Path zip = temp.resolve("max.zip");
        Fixtures.zip(correct, "", zip);
        Files.createDirectories(temp.resolve("a"));

        JsonNode grade = grade(course, zip, "--work", temp.resolve("a/../work").toString());

        assertThat(grade.get("pointsEarned").asInt()).isEqualTo(100);
        assertThat(temp.resolve("work/grade/max/submission")).doesNotExist();
        assertThat(temp.resolve("work/grade/max/labs")).doesNotExist();
    }

    private static void deleteTree(Path root) throws IOException {
        workbook.checker.run.LabRun.deleteTree(root);
    }
}
