package workbook.checker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CalibrateTest {
    @TempDir
    Path temp;

    @Test
    void aGoodLabPassesEveryRound() throws Exception {
        Path course = Fixtures.course(temp);
        Path report = temp.resolve("calibration.json");

        Fixtures.Run run = Fixtures.checker("calibrate", "--root", course.toString(), "--repeat", "2", "--report", report.toString(), "--skip-export", "--wrong");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).contains("01-counter").contains("2/2").contains("Calibration passed");
        assertThat(run.err()).contains("[calibrate] 01-counter: starter: running 5 tests (run 1 of 2)");
        JsonNode lab = new ObjectMapper().readTree(report.toFile()).get("labs").get(0);
        assertThat(lab.get("starterTasksFailing").asInt()).isEqualTo(2);
        assertThat(lab.get("solutionTasksPassing").asInt()).isEqualTo(2);
        assertThat(lab.get("publicTests").asInt()).isEqualTo(4);
        assertThat(lab.get("hiddenTests").asInt()).isEqualTo(1);
        assertThat(lab.get("solutionOwnTests").asInt()).isEqualTo(1);
        assertThat(lab.get("solutionPassRates")).hasSize(6).allSatisfy(rate -> assertThat(rate.get("passed").asInt()).isEqualTo(2));
        assertThat(lab.get("wrong")).hasSize(1);
        assertThat(lab.get("wrong").get(0).get("hiddenFailing").get(0).asText()).isEqualTo("HiddenLimitTest > rejectsANegativeLimit()");
        assertThat(run.out()).contains("wrong caught").contains("1/1");
        assertThat(lab.get("violations")).isEmpty();
    }

    @Test
    void flagsAStarterTaskThatPassesASolutionTestThatFailsAndATaskWithNoTests() throws Exception {
        Path course = Fixtures.course(temp);
        // The starter already does Task 1, so its tests cannot tell a student's work from none.
        Path starter = course.resolve("labs/01-counter/src/main/java/fixture/counter/Counter.java");
        Fixtures.write(starter, Fixtures.read(starter).replace(
                "throw new UnsupportedOperationException(\"Task 1: add one to the count\");", "return ++count;"));
        // Two "wrong" implementations that prove nothing: one is right, one the public tests already catch.
        Path solution = course.resolve("solutions/01-counter/src/main/java/fixture/counter/Counter.java");
        Path wrong = course.resolve("checker/fixtures/wrong/01-counter");
        String code = Fixtures.read(solution);
        Fixtures.write(wrong.resolve("not-wrong.patch"), Fixtures.patch("changes a comment only", course, solution,
                code.replace("/** Counts up to a limit. */", "/** Counts, up to a limit. */")));
        Fixtures.write(wrong.resolve("breaks-task-1.patch"), Fixtures.patch("forgets to count", course, solution,
                code.replace("return ++count;", "return count;")));
        // The solution forgets the check the hidden test makes (so the patch that removes that check no longer applies).
        Fixtures.write(solution, Fixtures.read(solution).replace("if (limit < 0) {", "if (limit < -1000) {"));
        // A third task that no test checks.
        Path sheet = course.resolve("labs/01-counter/README.md");
        Fixtures.write(sheet, Fixtures.read(sheet)
                .replace("### Task 2: Stop at the limit (60 points)", "### Task 2: Stop at the limit (30 points)")
                .replace("## Reproduce it", "### Task 3: Untested (30 points)\n\nNothing checks this.\n\n## Reproduce it"));

        Fixtures.Run run = Fixtures.checker("calibrate", "--root", course.toString(), "--skip-export", "--wrong");

        assertThat(run.code()).as(run.toString()).isEqualTo(1);
        assertThat(run.out())
                .contains("01 Task 1: passes on the starter: the tests do not catch the missing work")
                .contains("01 Task 2: hidden test HiddenLimitTest > rejectsANegativeLimit() fails on the solution")
                .contains("01 Task 3: has no public test")
                .contains("01 wrong implementation not-wrong passes every hidden test: no hidden test catches it")
                .contains("01 wrong implementation breaks-task-1 fails public tests (CountingTest > ")
                .contains("01 wrong implementation no-limit-check: The wrong implementation 01-counter/no-limit-check.patch no longer applies")
                .contains("Calibration FAILED");
    }

    @Test
    void anUnknownLabIsBadInput() throws Exception {
        Path course = Fixtures.course(temp);

        Fixtures.Run run = Fixtures.checker("calibrate", "--root", course.toString(), "--lab", "07");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("There is no registered lab '07'. Labs: 01-counter");
    }

    @Test
    void aFolderThatIsNotACourseIsBadInput() {
        Fixtures.Run run = Fixtures.checker("calibrate", "--root", temp.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("No course repository at").contains("there is no labs/pom.xml");
    }
}
