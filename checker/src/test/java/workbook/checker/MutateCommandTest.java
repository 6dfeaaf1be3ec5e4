package workbook.checker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.checker.mutate.MavenPit;
import workbook.checker.mutate.PitRunner;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The mutate command and its CI gate, with a stand-in for PIT (the real one needs Maven and minutes). */
class MutateCommandTest {
    @TempDir
    Path temp;

    /** What each run of the stand-in reports: Counter's mutants, 4 of 5 killed by the public tests, 5 of 5 with hidden. */
    private final List<String> runs = new ArrayList<>();
    private String publicResult = "KILLED KILLED KILLED KILLED SURVIVED";
    private String hiddenResult = "KILLED KILLED KILLED KILLED KILLED";

    private final PitRunner fakePit = (lab, targets, withHidden, budgetMillis, out) -> {
        runs.add(lab.id() + (withHidden ? " hidden" : " public") + " " + targets.classFilter() + " " + budgetMillis);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<mutations>\n");
        int line = 10;
        for (String status : (withHidden ? hiddenResult : publicResult).split(" ")) {
            xml.append("<mutation status='").append(status).append("'><mutatedClass>fixture.counter.Counter</mutatedClass>")
                    .append("<mutatedMethod>tryAcquire</mutatedMethod><lineNumber>").append(line++).append("</lineNumber>")
                    .append("<mutator>org.pitest.mutationtest.engine.gregor.mutators.ConditionalsBoundaryMutator</mutator>")
                    .append("<killingTest/><description>changed conditional boundary</description></mutation>\n");
        }
        Files.createDirectories(out);
        Path file = out.resolve("mutations.xml");
        Files.writeString(file, xml.append("</mutations>\n"), StandardCharsets.UTF_8);
        return file;
    };

    @AfterEach
    void realPitAgain() {
        MutateCommand.runners = MavenPit::new;
    }

    @Test
    void measuresALabOnceAndSkipsItWhileItsInputsAreUnchanged() throws Exception {
        Path course = Fixtures.course(temp);
        MutateCommand.runners = ignored -> fakePit;

        Fixtures.Run first = Fixtures.checker("mutate", "--root", course.toString(), "--work", temp.resolve("work").toString());

        assertThat(first.code()).as(first.toString()).isZero();
        assertThat(runs).containsExactly(
                "01-counter public fixture.counter.Counter,fixture.counter.Counter$* 3000",
                "01-counter hidden fixture.counter.Counter,fixture.counter.Counter$* 3000");
        assertThat(first.out()).contains("01-counter", "80.0%", "100.0%", "PASS", "was missing", "Every lab reaches the mutation bar.");
        JsonNode json = new ObjectMapper().readTree(course.resolve("checker/mutation/01-counter.json").toFile());
        assertThat(json.path("passed").asBoolean()).isTrue();
        assertThat(json.path("inputsHash").asText()).hasSize(64);
        assertThat(json.path("publicTests").path("survivors").get(0).path("line").asInt()).isEqualTo(14);
        assertThat(Fixtures.read(course.resolve("checker/mutation/01-counter.md"))).contains("**PASS**", "| `Counter` | 14 | ConditionalsBoundaryMutator | SURVIVED |");

        Fixtures.Run again = Fixtures.checker("mutate", "--check", "--root", course.toString(), "--work", temp.resolve("work").toString());

        assertThat(again.code()).as(again.toString()).isZero();
        assertThat(runs).as("nothing changed: PIT does not run").hasSize(2);
        assertThat(again.out()).contains("up to date", "Mutation gate passed.");
    }

    @Test
    void theGateMeasuresAChangedLabAgainAndAsksForTheNewReport() throws Exception {
        Path course = Fixtures.course(temp);
        MutateCommand.runners = ignored -> fakePit;
        assertThat(Fixtures.checker("mutate", "--root", course.toString(), "--work", temp.resolve("work").toString()).code()).isZero();
        Path hidden = course.resolve("checker/hidden/01-counter/fixture/counter/HiddenLimitTest.java");
        Files.writeString(hidden, Fixtures.read(hidden) + "\n// a change\n");

        Fixtures.Run check = Fixtures.checker("mutate", "--check", "--root", course.toString(), "--work", temp.resolve("work").toString());

        assertThat(check.code()).as(check.toString()).isEqualTo(1);
        assertThat(runs).hasSize(4);
        assertThat(check.out()).contains("was stale", "commit checker/mutation/01-counter.md and .json");

        Fixtures.Run committed = Fixtures.checker("mutate", "--check", "--root", course.toString(), "--work", temp.resolve("work").toString());
        assertThat(committed.code()).as("the report written by the last run is current").isZero();
    }

    @Test
    void aLabUnderTheBarFailsTheGateUnlessListed() throws Exception {
        Path course = Fixtures.course(temp);
        MutateCommand.runners = ignored -> fakePit;
        publicResult = "KILLED KILLED KILLED SURVIVED SURVIVED"; // 60%: under the 80% bar
        Fixtures.Run measured = Fixtures.checker("mutate", "--root", course.toString(), "--work", temp.resolve("work").toString());
        assertThat(measured.code()).as(measured.toString()).isEqualTo(1);
        assertThat(measured.out()).contains("FAIL", "01-counter is under the bar");
        assertThat(Fixtures.read(course.resolve("checker/mutation/01-counter.md")))
                .contains("**FAIL**", "public tests alone: test strength 60.0%, the bar is 80.0%");

        Fixtures.Run unlisted = Fixtures.checker("mutate", "--check", "--root", course.toString(), "--work", temp.resolve("work").toString());
        assertThat(unlisted.code()).as(unlisted.toString()).isEqualTo(1);
        assertThat(unlisted.out()).contains("not listed in checker/mutation/BELOW_BAR");

        Fixtures.write(course.resolve("checker/mutation/BELOW_BAR"), "# labs under the bar\n01-counter 2026-12-01 tests being written\n");
        Fixtures.Run listed = Fixtures.checker("mutate", "--check", "--root", course.toString(), "--work", temp.resolve("work").toString());
        assertThat(listed.code()).as(listed.toString()).isZero();
        assertThat(listed.out()).contains("listed in checker/mutation/BELOW_BAR (2026-12-01 tests being written)");
        assertThat(runs).as("the two checks measured nothing").hasSize(2);
    }

    @Test
    void theGateLeavesAListedLabWithoutAReportUnmeasured() throws Exception {
        Path course = Fixtures.course(temp);
        MutateCommand.runners = ignored -> fakePit;
        Fixtures.write(course.resolve("checker/mutation/BELOW_BAR"), "01-counter 2026-12-01 not measured yet\n");

        Fixtures.Run check = Fixtures.checker("mutate", "--check", "--root", course.toString(), "--work", temp.resolve("work").toString());

        assertThat(check.code()).as(check.toString()).isZero();
        assertThat(runs).isEmpty();
        assertThat(check.out()).contains("not measured", "01-counter has no report yet", "./checker/grade mutate --lab 01");

        Fixtures.write(course.resolve("checker/mutation/BELOW_BAR"), "# nothing listed\n");
        Fixtures.Run unlisted = Fixtures.checker("mutate", "--check", "--root", course.toString(), "--work", temp.resolve("work").toString());
        assertThat(unlisted.code()).as("an unlisted lab without a report is measured, and the new report must be committed").isEqualTo(1);
        assertThat(unlisted.out()).contains("was missing");
        assertThat(runs).hasSize(2);
    }

    @Test
    void forceMeasuresAnUpToDateLabAgain() throws Exception {
        Path course = Fixtures.course(temp);
        MutateCommand.runners = ignored -> fakePit;
        Fixtures.checker("mutate", "--root", course.toString(), "--work", temp.resolve("work").toString());

        Fixtures.Run forced = Fixtures.checker("mutate", "--force", "--budget", "5s", "--lab", "01", "--root", course.toString(),
                "--work", temp.resolve("work").toString());

        assertThat(forced.code()).as(forced.toString()).isZero();
        assertThat(runs).hasSize(4).last().asString().endsWith(" 5000");
    }
}
