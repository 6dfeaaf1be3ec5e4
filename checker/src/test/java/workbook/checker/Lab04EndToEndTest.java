package workbook.checker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.checker.course.Course;
import workbook.checker.calibrate.WrongPatch;
import workbook.checker.course.Lab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The one test on a real lab: lab 04's reference solution and three of its wrong implementations (a
 * sliding counter, a Redis limit, a token bucket), handed in as students' copies and graded in one
 * batch on real Redis and Toxiproxy. The solution gets every point; each wrong implementation passes
 * every public test and loses points to a hidden test. (`calibrate --wrong` checks all of them.)
 */
class Lab04EndToEndTest {
    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path temp;

    @Test
    void theSolutionGetsFullMarksAndTheHiddenTestsCatchEveryWrongImplementation() throws Exception {
        Course course = Course.at(REPOSITORY);
        assumeTrue(course.labs().stream().anyMatch(lab -> lab.id().equals("04-rate-limiting")), "lab 04 is not registered yet");
        Lab lab = course.lab("04-rate-limiting");
        List<WrongPatch> wrong = wrongImplementations(lab);
        assumeTrue(wrong.size() == 3, "lab 04 has fewer than three wrong implementations yet");

        Path submissions = temp.resolve("submissions");
        handIn(lab, null, submissions.resolve("reference-solution"));
        for (WrongPatch implementation : wrong) {
            handIn(lab, implementation, submissions.resolve("wrong-" + implementation.name()));
        }
        Path out = temp.resolve("grades");
        long start = System.nanoTime();
        Fixtures.Run run = Fixtures.checker("batch", submissions.toString(), "--root", REPOSITORY.toString(), "--lab", "04",
                "--out", out.toString(), "--work", temp.resolve("work").toString());
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(run.code()).as(run.toString()).isZero();
        JsonNode solution = grade(out, "reference-solution");
        assertThat(solution.get("pointsEarned").asInt()).as(run.toString()).isEqualTo(100);
        assertThat(tests(solution)).allMatch(test -> test.get("status").asText().equals("passed"))
                .anyMatch(test -> test.get("origin").asText().equals("hidden"));
        for (WrongPatch implementation : wrong) {
            String name = "wrong-" + implementation.name();
            JsonNode grade = grade(out, name);
            List<JsonNode> failing = tests(grade).stream().filter(test -> !test.get("status").asText().equals("passed")).toList();
            assertThat(failing).as(name + ": the tests it fails").isNotEmpty()
                    .allMatch(test -> test.get("origin").asText().equals("hidden"), "are all hidden tests");
            assertThat(grade.get("pointsEarned").asInt()).as(name + ": points").isLessThan(100);
        }
        System.out.printf("[Lab04EndToEndTest] graded %d lab-04 submissions in %.1f s%n", wrong.size() + 1, seconds);
    }

    /** A student's copy: the lab as shipped, with the solution (or a wrong implementation of it) as their code. */
    private static void handIn(Lab lab, WrongPatch wrong, Path submission) throws Exception {
        Path labCopy = submission.resolve("labs").resolve(lab.id());
        Fixtures.copy(lab.publicTests(), labCopy.resolve("src/test/java"));
        Fixtures.copy(lab.givenSources(), labCopy.resolve("src/given/java"));
        if (wrong == null) {
            Fixtures.copy(lab.solutionSources(), labCopy.resolve("src/main/java"));
        } else {
            wrong.applyTo(lab, labCopy.resolve("src/main/java"));
        }
    }

    private static List<WrongPatch> wrongImplementations(Lab lab) throws Exception {
        List<WrongPatch> all = WrongPatch.of(lab);
        // One of each kind the course names; the others are left to calibrate --wrong, to keep this test short.
        List<WrongPatch> chosen = new ArrayList<>();
        for (String kind : List.of("sliding", "redis", "token")) {
            all.stream().filter(patch -> patch.name().contains(kind) && !chosen.contains(patch)).findFirst().ifPresent(chosen::add);
        }
        all.stream().filter(patch -> !chosen.contains(patch)).limit(Math.max(0, 3 - chosen.size())).forEach(chosen::add);
        return chosen;
    }

    private static JsonNode grade(Path out, String student) throws Exception {
        return new ObjectMapper().readTree(out.resolve(student).resolve("grade.json").toFile());
    }

    private static List<JsonNode> tests(JsonNode grade) {
        List<JsonNode> tests = new ArrayList<>();
        grade.get("labs").forEach(lab -> lab.get("tests").forEach(tests::add));
        return tests;
    }
}
