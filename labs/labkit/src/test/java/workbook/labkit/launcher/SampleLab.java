package workbook.labkit.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A tiny lab, written into a temporary folder, for testing the launcher's commands. */
final class SampleLab {
    static final String SHEET = """
            # Lab 99: Sample
            ### Task 1: Add (40 points)
            <details><summary>Hint 1: nudge</summary>
            What does plus do?
            </details>
            <details><summary>Hint 2: approach</summary>
            Return a + b.
            </details>
            ### Task 2: Multiply (60 points)
            <details><summary>Hint 1: nudge</summary>
            Times.
            </details>
            """;

    static final String STARTER = """
            package workbook.sample;
            public class Calc {
                public static int add(int a, int b) { throw new UnsupportedOperationException("Task 1: add"); }
                public static int multiply(int a, int b) { throw new UnsupportedOperationException("Task 2: multiply"); }
            }
            """;

    static final String SOLUTION = """
            package workbook.sample;
            public class Calc {
                public static int add(int a, int b) { return a + b; }
                public static int multiply(int a, int b) { return a * b; }
            }
            """;

    /** Given code (src/given/java): the launcher must compile it with the student's. */
    static final String GIVEN = """
            package workbook.sample;
            public record Operands(int a, int b) {
            }
            """;

    static final String TESTS = """
            package workbook.sample;
            import org.junit.jupiter.api.Test;
            import workbook.labkit.testing.Task;
            import static org.assertj.core.api.Assertions.assertThat;
            class CalcTest {
                @Test @Task(1) void adds() { Operands two = new Operands(2, 2); assertThat(Calc.add(two.a(), two.b())).isEqualTo(4); }
                @Test @Task(2) void multiplies() { assertThat(Calc.multiply(2, 3)).isEqualTo(6); }
            }
            """;

    /** Writes labs/99-sample (starter), solutions/99-sample and a labs/pom.xml that registers it. */
    static Path write(Path root) throws IOException {
        Path lab = root.resolve("labs/99-sample");
        write(lab.resolve("README.md"), SHEET);
        write(lab.resolve("src/main/java/workbook/sample/Calc.java"), STARTER);
        write(lab.resolve("src/given/java/workbook/sample/Operands.java"), GIVEN);
        write(lab.resolve("src/test/java/workbook/sample/CalcTest.java"), TESTS);
        write(root.resolve("solutions/99-sample/src/main/java/workbook/sample/Calc.java"), SOLUTION);
        write(root.resolve("labs/pom.xml"), "<project><modules>\n    <module>labkit</module>\n    <module>99-sample</module>\n</modules></project>\n");
        return lab;
    }

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
