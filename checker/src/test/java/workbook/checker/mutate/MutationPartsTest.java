package workbook.checker.mutate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.checker.UserError;
import workbook.checker.course.Course;
import workbook.checker.course.Lab;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MutationPartsTest {
    static final Path FIXTURE = Path.of("src/test/resources/fixture-course");

    @TempDir
    Path temp;

    @Test
    void targetsAreTheSolutionsTopLevelClassesAndTheLabsTests() {
        Targets targets = Targets.of(Course.at(FIXTURE).lab("01-counter"));

        assertThat(targets.classes()).containsExactly("fixture.counter.Counter");
        assertThat(targets.classFilter()).isEqualTo("fixture.counter.Counter,fixture.counter.Counter$*");
        assertThat(targets.publicTests()).containsExactly("fixture.counter.CountingTest", "fixture.counter.LimitTest");
        assertThat(targets.hiddenTests()).containsExactly("fixture.counter.HiddenLimitTest");
        assertThat(targets.testFilter(false)).doesNotContain("Hidden");
        assertThat(targets.testFilter(true)).contains("fixture.counter.HiddenLimitTest,fixture.counter.HiddenLimitTest$*");
        assertThat(targets.unboundedTests()).isEmpty();
    }

    @Test
    void equivalentMutantsAreReadOneListItemEach() {
        Equivalents equivalents = Equivalents.parse(List.of(
                "# Equivalent mutants", "", "Some prose.",
                "- fixture.counter.Counter:22:ConditionalsBoundaryMutator: at count == limit both branches refuse",
                "- `fixture.counter.Counter$Inner:7:MathMutator`: adding zero"), "EQUIVALENT.md");

        assertThat(equivalents.entries()).containsExactly(
                new Equivalents.Entry("fixture.counter.Counter", 22, "ConditionalsBoundaryMutator", "at count == limit both branches refuse"),
                new Equivalents.Entry("fixture.counter.Counter$Inner", 7, "MathMutator", "adding zero"));
        assertThat(equivalents.covering(mutant("fixture.counter.Counter", 22, "ConditionalsBoundaryMutator", "SURVIVED"))).isPresent();
        assertThat(equivalents.covering(mutant("fixture.counter.Counter", 23, "ConditionalsBoundaryMutator", "SURVIVED"))).isEmpty();
        assertThat(equivalents.covering(mutant("fixture.counter.Counter", 22, "MathMutator", "SURVIVED"))).isEmpty();
    }

    @Test
    void anEquivalentWithoutAReasonIsRefusedWithItsLine() {
        assertThatThrownBy(() -> Equivalents.parse(List.of("", "- fixture.counter.Counter:22:MathMutator"), "EQUIVALENT.md"))
                .isInstanceOf(UserError.class).hasMessageContaining("line 2").hasMessageContaining("why it cannot change behaviour");
    }

    @Test
    void pitsReportIsCountedPerClassWithEquivalentsLeftOut() throws Exception {
        Path xml = temp.resolve("mutations.xml");
        Files.writeString(xml, """
                <?xml version="1.0" encoding="UTF-8"?>
                <mutations partial="true">
                %s%s%s%s%s%s%s
                </mutations>
                """.formatted(
                xml("a.Foo", 10, "MathMutator", "KILLED"),
                xml("a.Foo$Inner", 11, "MathMutator", "KILLED"),
                xml("a.Foo", 12, "ConditionalsBoundaryMutator", "SURVIVED"),
                xml("a.Foo", 13, "ConditionalsBoundaryMutator", "SURVIVED"),
                xml("a.Foo", 14, "VoidMethodCallMutator", "TIMED_OUT"),
                xml("a.Bar", 5, "MathMutator", "NO_COVERAGE"),
                xml("a.Bar", 6, "MathMutator", "KILLED")), StandardCharsets.UTF_8);
        List<Mutant> mutants = Mutant.readAll(xml);
        Equivalents equivalents = Equivalents.parse(List.of("- a.Foo:13:ConditionalsBoundaryMutator: same result at the boundary"), "E");

        Tally.RunResult run = Tally.count("public", List.of("a.Bar", "a.Foo"), mutants, equivalents, true, 1.0);

        assertThat(run.classes()).containsExactly(
                new Tally.ClassCounts("a.Bar", 2, 1, 0, 0, 0, 0, 1),
                new Tally.ClassCounts("a.Foo", 5, 2, 1, 0, 1, 1, 0));
        // detected: 3 killed + 1 timed out; covered: 7 - 1 no coverage - 1 equivalent
        assertThat(run.detected()).isEqualTo(4);
        assertThat(run.covered()).isEqualTo(5);
        assertThat(run.strength()).isCloseTo(0.8, within(1e-9));
        assertThat(run.score()).isCloseTo(4.0 / 6, within(1e-9));
        assertThat(run.survivors()).extracting(Mutant::line).containsExactly(5, 12);
        assertThat(run.equivalents()).extracting(Mutant::line).containsExactly(13);

        Tally.RunResult unbounded = Tally.count("public", List.of("a.Bar", "a.Foo"), mutants, equivalents, false, 1.0);
        assertThat(unbounded.detected()).as("time-outs are survivors when a test sets its own limit").isEqualTo(3);
        assertThat(unbounded.survivors()).extracting(Mutant::line).containsExactly(5, 12, 14);
    }

    @Test
    void theReportSaysPassOrFailAgainstTheBar() {
        Targets targets = new Targets(List.of("a.Foo"), List.of("a.FooTest"), List.of("a.HiddenFooTest"), List.of());
        Tally.RunResult weak = Tally.count("public", targets.classes(), List.of(
                mutant("a.Foo", 1, "MathMutator", "KILLED"), mutant("a.Foo", 2, "MathMutator", "KILLED"),
                mutant("a.Foo", 3, "MathMutator", "KILLED"), mutant("a.Foo", 4, "MathMutator", "SURVIVED")), Equivalents.none(), true, 60);
        Tally.RunResult strong = Tally.count("public+hidden", targets.classes(), List.of(
                mutant("a.Foo", 1, "MathMutator", "KILLED"), mutant("a.Foo", 2, "MathMutator", "KILLED"),
                mutant("a.Foo", 3, "MathMutator", "KILLED"), mutant("a.Foo", 4, "MathMutator", "KILLED")), Equivalents.none(), true, 60);

        MutationReport failing = MutationReport.of("01-x", "v", "d", "h", "pit", 3000, targets, weak, strong, 2);
        MutationReport passing = MutationReport.of("01-x", "v", "d", "h", "pit", 3000, targets, strong, strong, 2);

        assertThat(failing.passed()).isFalse();
        assertThat(failing.shortfalls()).containsExactly("public tests alone: test strength 75.0%, the bar is 80.0%");
        assertThat(failing.markdown()).contains("**FAIL**", "| `Foo` | 4 | Math", "| public | 75.0% |", "A timed-out mutant counts as detected");
        assertThat(passing.passed()).isTrue();
        assertThat(passing.markdown()).contains("**PASS**", "No survivors.");

        // 95% is over the bar, but the one survivor is neither killed nor listed as equivalent.
        List<Mutant> twenty = new java.util.ArrayList<>();
        for (int line = 1; line <= 20; line++) {
            twenty.add(mutant("a.Foo", line, "MathMutator", line == 20 ? "SURVIVED" : "KILLED"));
        }
        Tally.RunResult oneSurvivor = Tally.count("public+hidden", targets.classes(), twenty, Equivalents.none(), true, 60);
        MutationReport unexplained = MutationReport.of("01-x", "v", "d", "h", "pit", 3000, targets, strong, oneSurvivor, 2);
        assertThat(unexplained.passed()).isFalse();
        assertThat(unexplained.shortfalls()).containsExactly("1 mutants survive the public and hidden tests: kill each with a test, "
                + "or list it in EQUIVALENT.md with the reason it cannot change what the code answers");
        Tally.RunResult listed = Tally.count("public+hidden", targets.classes(), twenty,
                Equivalents.parse(List.of("- a.Foo:20:MathMutator: the line only logs"), "EQUIVALENT.md"), true, 60);
        assertThat(MutationReport.of("01-x", "v", "d", "h", "pit", 3000, targets, strong, listed, 2).passed()).isTrue();
    }

    @Test
    void theInputsHashFollowsWhatTheReportMeasuredAndNothingElse() throws Exception {
        Path root = copyOfFixture();
        Course course = Course.at(root);
        Lab lab = course.lab("01-counter");
        String before = Inputs.hash(course, lab, 3000);

        assertThat(Inputs.hash(course, lab, 3000)).isEqualTo(before);
        assertThat(Inputs.hash(course, lab, 5000)).as("another budget").isNotEqualTo(before);

        Files.writeString(root.resolve("slides/01-counter.md"), "changed slides");
        assertThat(Inputs.hash(course, lab, 3000)).as("slides are no input").isEqualTo(before);

        Path hidden = root.resolve("checker/hidden/01-counter/fixture/counter/HiddenLimitTest.java");
        String text = Files.readString(hidden);
        Files.writeString(hidden, text.replace("\n", "\r\n"));
        assertThat(Inputs.hash(course, lab, 3000)).as("line endings do not count").isEqualTo(before);

        Files.writeString(root.resolve("checker/hidden/01-counter/EQUIVALENT.md"), "- a.Foo:1:MathMutator: why\n");
        assertThat(Inputs.hash(course, lab, 3000)).as("EQUIVALENT.md is an input").isNotEqualTo(before);
    }

    @Test
    void labsUnderTheBarAreListedWithADate() {
        BelowBar list = BelowBar.parse(List.of("# known", "04-rate-limiting 2026-12-01 issue 31", "", "06-http-caching-and-cdn 2026-12-01"), "B");

        assertThat(list.lists("04-rate-limiting")).isTrue();
        assertThat(list.lists("06-http-caching-and-cdn")).isTrue();
        assertThat(list.lists("08-cache-stampede")).isFalse();
        assertThatThrownBy(() -> BelowBar.parse(List.of("04 soon"), "B")).isInstanceOf(UserError.class).hasMessageContaining("line 1");
    }

    private Path copyOfFixture() throws Exception {
        Path root = temp.resolve("course");
        try (var files = Files.walk(FIXTURE)) {
            for (Path file : files.toList()) {
                Path target = root.resolve(FIXTURE.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return root;
    }

    static Mutant mutant(String className, int line, String mutator, String status) {
        return new Mutant(className, "m", line, "org.pitest.mutationtest.engine.gregor.mutators." + mutator, "changed " + line, status, "");
    }

    static String xml(String className, int line, String mutator, String status) {
        return "<mutation detected='x' status='" + status + "' numberOfTestsRun='1'><sourceFile>F.java</sourceFile>"
                + "<mutatedClass>" + className + "</mutatedClass><mutatedMethod>m</mutatedMethod><methodDescription>()V</methodDescription>"
                + "<lineNumber>" + line + "</lineNumber><mutator>org.pitest.mutationtest.engine.gregor.mutators." + mutator + "</mutator>"
                + "<indexes><index>1</index></indexes><blocks><block>1</block></blocks><killingTest/>"
                + "<description>changed " + line + "</description></mutation>\n";
    }
}
