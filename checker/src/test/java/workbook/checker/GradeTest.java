package workbook.checker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Grades each fixture submission of the fixture lab and checks its points and its reports. */
class GradeTest {
    @TempDir
    static Path shared;
    static Path course;

    @TempDir
    Path temp;

    @BeforeAll
    static void course() throws IOException {
        course = Fixtures.course(shared);
    }

    /** Grades a submission with short limits (a fixture that hangs must not hang the suite) and returns grade.json. */
    private JsonNode grade(Path submission, String... extra) throws IOException {
        Path out = temp.resolve("reports");
        List<String> args = new ArrayList<>(List.of("grade", submission.toString(), "--root", course.toString(),
                "--out", out.toString(), "--work", temp.resolve("work").toString()));
        args.addAll(List.of(extra));
        if (!args.contains("--test-timeout")) {
            args.addAll(List.of("--test-timeout", "2s", "--lab-timeout", "60s"));
        }
        Fixtures.Run run = Fixtures.checker(args.toArray(String[]::new));
        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).contains("Reports in");
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

    @Test
    void aCorrectSubmissionGetsEveryPointAndEveryReport() throws IOException {
        JsonNode grade = grade(Fixtures.submission("correct", temp), "--student", "ada", "--links", "https://example.org/course/blob/main");

        assertThat(grade.get("pointsEarned").asInt()).isEqualTo(100);
        assertThat(grade.get("student").asText()).isEqualTo("ada");
        assertThat(grade.get("testSetHash").asText()).hasSize(64);
        assertThat(grade.get("checkerVersion").asText()).isNotBlank();
        JsonNode lab = lab(grade);
        assertThat(lab.get("status").asText()).isEqualTo("graded");
        assertThat(lab.get("tests")).hasSize(5);
        assertThat(statuses(lab, "HiddenLimitTest")).containsExactly("passed");
        assertThat(lab.get("tasks").get(1).get("earned").asInt()).isEqualTo(60);
        Path out = temp.resolve("reports");
        assertThat(out.resolve("feedback.md")).content().contains("**Total: 100/100 points**")
                .contains("(https://example.org/course/blob/main/labs/01-counter/README.md#task-2-stop-at-the-limit-60-points)");
        assertThat(out.resolve("feedback.html")).content().contains("<strong>Total: 100/100 points</strong>");
        assertThat(out.resolve("junit.xml")).content().contains("<testsuite name=\"01-counter\" tests=\"5\" failures=\"0\" errors=\"0\"");
        assertThat(out.resolve("gradebook.csv")).content().startsWith("student,total,possible,01-counter,status")
                .contains("ada,100,100,100,graded");
        assertThat(out.resolve("classroom.json")).content().contains("\"max_score\" : 100").contains("\"status\" : \"pass\"");
    }

    @Test
    void aPartlyCorrectSubmissionGetsTheTasksItDid() throws IOException {
        JsonNode lab = lab(grade(Fixtures.submission("partial", temp)));

        assertThat(lab.get("pointsEarned").asInt()).isEqualTo(40);
        assertThat(statuses(lab, "CountingTest")).containsOnly("passed");
        assertThat(statuses(lab, "LimitTest")).containsOnly("failed");
        assertThat(temp.resolve("reports/feedback.md")).content()
                .contains("### What to fix in Task 2: Stop at the limit")
                .contains("Task 2 (Stop at the limit) is not done yet: count while below the limit")
                .contains("[the slides](slides/01-counter.md)")
                .contains("(hidden test)");
    }

    @Test
    void aSubmissionThatDoesNotCompileScoresZeroWithTheCompilersMessages() throws IOException {
        JsonNode lab = lab(grade(Fixtures.submission("not-compiling", temp)));

        assertThat(lab.get("pointsEarned").asInt()).isZero();
        assertThat(lab.get("status").asText()).isEqualTo("not compiling");
        assertThat(lab.get("compilerMessages").asText())
                .contains("labs/01-counter/src/main/java/fixture/counter/Counter.java:9: error: ';' expected");
        assertThat(temp.resolve("reports/feedback.md")).content().contains("does not compile, so this lab scores 0");
    }

    @Test
    void aTightLoopTimesOutAndTheOtherTasksStillCount() throws IOException {
        long start = System.nanoTime();
        JsonNode lab = lab(grade(Fixtures.submission("tight-loop", temp)));

        assertThat(lab.get("pointsEarned").asInt()).isEqualTo(40);
        assertThat(statuses(lab, "CountingTest")).containsOnly("passed");
        assertThat(statuses(lab, ".LimitTest")).containsOnly("timeout");
        assertThat((System.nanoTime() - start) / 1e9).as("seconds to grade a lab that hangs").isLessThan(45);
    }

    @Test
    void theLabTimeLimitStopsATightLoopThatOutlastsThePerTestLimit() throws IOException {
        JsonNode lab = lab(grade(Fixtures.submission("tight-loop", temp), "--test-timeout", "120s", "--lab-timeout", "8s"));

        assertThat(lab.get("pointsEarned").asInt()).as("Task 1 at most: its tests may have run before the loop").isLessThanOrEqualTo(40);
        assertThat(lab.get("notes").get(0).asText()).contains("wall-clock limit of 8 s ran out");
        assertThat(statuses(lab, ".LimitTest")).contains("timeout").doesNotContain("passed", "failed");
        assertThat(lab.get("tests").toString()).contains("did not run: the lab's time limit of 8 s ran out");
    }

    @Test
    void systemExitLosesOnlyTheTestThatCalledIt() throws IOException {
        JsonNode lab = lab(grade(Fixtures.submission("system-exit", temp)));

        assertThat(lab.get("pointsEarned").asInt()).isEqualTo(40);
        assertThat(statuses(lab, "CountingTest")).containsOnly("passed");
        assertThat(statuses(lab, ".LimitTest")).containsOnly("error");
        assertThat(lab.get("notes").toString()).contains("The test JVM ended early (exit code 3)");
        assertThat(lab.get("tests").toString()).contains("System.exit, Runtime.halt or a crash");
    }

    @Test
    void endlessPrintingTimesOutWithItsOutputCapped() throws IOException {
        JsonNode lab = lab(grade(Fixtures.submission("endless-print", temp)));

        assertThat(lab.get("pointsEarned").asInt()).isEqualTo(60);
        assertThat(statuses(lab, "CountingTest")).containsOnly("timeout");
        assertThat(Files.size(temp.resolve("reports/grade.json"))).as("bytes of grade.json").isLessThan(200_000);
        assertThat(temp.resolve("reports/feedback.md")).content().contains("still counting, the count is 0");
    }

    @Test
    void editedTestsAreReportedAndTheCoursesCopyIsUsed() throws IOException {
        JsonNode lab = lab(grade(Fixtures.submission("edited-tests", temp)));

        assertThat(lab.get("pointsEarned").asInt()).isEqualTo(40);
        assertThat(lab.get("testChanges").get("changed").get(0).asText()).isEqualTo("src/test/java/fixture/counter/LimitTest.java");
        assertThat(temp.resolve("reports/feedback.md")).content().contains("### Test and given files you changed")
                .contains("- changed: `src/test/java/fixture/counter/LimitTest.java`");
    }

    @Test
    void aCopyOfAGivenClassIsLeftOutAndTheCoursesCopyIsUsed() throws IOException {
        JsonNode lab = lab(grade(Fixtures.submission("given-copy", temp)));

        assertThat(lab.get("pointsEarned").asInt()).as("the student's Counters would give every counter a limit of 0").isEqualTo(100);
        assertThat(lab.get("notes").toString()).contains("labs/01-counter/src/main/java/fixture/counter/Counters.java is a copy of a given class");
    }

    @Test
    void deletedTestsAreReportedAndTheCoursesCopyIsUsed() throws IOException {
        JsonNode lab = lab(grade(Fixtures.submission("deleted-tests", temp)));

        assertThat(lab.get("pointsEarned").asInt()).isEqualTo(100);
        assertThat(lab.get("testChanges").get("removed")).hasSize(2);
        assertThat(lab.get("tests")).hasSize(5);
    }

    @Test
    void aZipWithATopFolderAndAGitBundleAreGradedLikeFolders() throws Exception {
        Path correct = Fixtures.submission("correct", temp.resolve("unpacked"));
        Path zip = temp.resolve("ada.zip");
        Fixtures.zip(correct, "workbook-main/", zip);
        assertThat(grade(zip).get("pointsEarned").asInt()).isEqualTo(100);

        Path partial = Fixtures.submission("partial", temp.resolve("repo"));
        Path bundle = temp.resolve("bob.bundle");
        Fixtures.gitBundle(partial, bundle);
        JsonNode graded = grade(bundle);
        assertThat(graded.get("pointsEarned").asInt()).isEqualTo(40);
        assertThat(graded.get("student").asText()).isEqualTo("bob");
        assertThat(graded.get("submissionKind").asText()).isEqualTo("git bundle");
    }

    @Test
    void aMissingSubmissionIsBadInput() {
        Fixtures.Run run = Fixtures.checker("grade", temp.resolve("nobody").toString(), "--root", course.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("There is no submission at").contains("give a folder, a .zip or a git bundle");
    }
}
