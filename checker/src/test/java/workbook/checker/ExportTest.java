package workbook.checker;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class ExportTest {
    @TempDir
    Path temp;

    @Test
    void theStudentEditionHasTheLabsAndNoSolutionsHiddenTestsOrChecker() throws Exception {
        Path course = Fixtures.course(temp);
        Path edition = temp.resolve("edition");

        Fixtures.Run run = Fixtures.checker("export", edition.toString(), "--root", course.toString(), "--with-workflow");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).contains("The student edition is clean");
        assertThat(edition.resolve("labs/01-counter/src/main/java/fixture/counter/Counter.java")).hasSameTextualContentAs(
                course.resolve("labs/01-counter/src/main/java/fixture/counter/Counter.java"));
        assertThat(edition.resolve("labs/01-counter/src/test/java/fixture/counter/LimitTest.java")).exists();
        assertThat(edition.resolve("slides/01-counter.md")).exists();
        assertThat(edition.resolve("slides/02-not-ready.md")).as("slides of a lab not in the edition").doesNotExist();
        assertThat(edition.resolve("solutions")).doesNotExist();
        assertThat(edition.resolve("checker")).doesNotExist();
        assertThat(edition.resolve(".github/workflows/grade.yml")).content().startsWith("name: Autograding Tests");
        assertThat(edition.resolve("pom.xml")).content().contains("<module>labs</module>")
                .doesNotContain("<module>solutions</module>").doesNotContain("<module>checker</module>");
        assertThat(edition.resolve("README.md")).content().contains("| 01 | [Lab 01: Counter](labs/01-counter/README.md) | `labs/01-counter` |");
    }

    @Test
    void solutionCodeInTheSlidesIsFoundByContent() throws Exception {
        Path course = Fixtures.course(temp);
        Fixtures.write(course.resolve("slides/01-counter.md"), Fixtures.read(course.resolve("slides/01-counter.md"))
                + "\n```java\npublic Counter(int limit) {\n    if (limit < 0) {\n"
                + "        throw new IllegalArgumentException(\"the limit must not be negative: \" + limit);\n    }\n}\n"
                + "public boolean tryAcquire() {\n    if (count >= limit) {\n        return false;\n    }\n```\n");

        Fixtures.Run run = Fixtures.checker("export", temp.resolve("edition").toString(), "--root", course.toString());

        assertThat(run.code()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).contains("LEAK: slides/01-counter.md holds 2 lines of solutions/01-counter/src/main/java/fixture/counter/Counter.java");
    }

    @Test
    void notesThatDescribeTheHiddenTestsAreLeaksToo() throws Exception {
        Path course = Fixtures.course(temp);
        Fixtures.write(course.resolve("slides/01-counter.md"), Fixtures.read(course.resolve("slides/01-counter.md"))
                + "\n<!--\nA hidden test checks that a negative limit is refused.\n-->\n");
        Fixtures.write(course.resolve("labs/01-counter/HINTS.md"), "## Task 2: Stop at the limit\n\n### Hint 1: nudge\n\n"
                + "Think of rejectsANegativeLimit() and what no-limit-check forgets.\n");

        Fixtures.Run run = Fixtures.checker("export", temp.resolve("edition").toString(), "--root", course.toString());

        assertThat(run.code()).as(run.toString()).isEqualTo(1);
        assertThat(run.out())
                .contains("LEAK: slides/01-counter.md mentions the hidden tests (write the requirement instead): `hidden test`")
                .contains("LEAK: labs/01-counter/HINTS.md mentions checker/hidden/01-counter/fixture/counter/HiddenLimitTest.java by name: `rejectsANegativeLimit(`")
                .contains("LEAK: labs/01-counter/HINTS.md mentions checker/fixtures/wrong/01-counter/no-limit-check.patch by name: `no-limit-check`");
    }

    @Test
    void aZipEditionHasOneTopFolder() throws Exception {
        Path course = Fixtures.course(temp);
        Path zip = temp.resolve("workbook.zip");

        Fixtures.Run run = Fixtures.checker("export", zip.toString(), "--root", course.toString());

        assertThat(run.code()).as(run.toString()).isZero();
        List<String> entries = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.add(entry.getName());
            }
        }
        assertThat(entries).allMatch(name -> name.startsWith("workbook/"))
                .contains("workbook/labs/01-counter/README.md", "workbook/README.md")
                .noneMatch(name -> name.contains("solutions/") || name.contains("hidden/"));
    }
}
