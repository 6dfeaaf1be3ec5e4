package workbook.labkit.progress;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LabSheetTest {
    private static final String SHEET = """
            # Lab 99: Sample

            Intro text.

            ## Tasks

            ### Task 1: Count things (40 points)

            Goal.

            <details><summary>Hint 1: nudge</summary>

            Think about it.
            </details>
            <details><summary>Hint 2: approach</summary>
            Use a map.
            </details>

            ### Task 2: Count faster (60 points)
            No hints here.

            ## Reproduce it
            <details><summary>Not a hint</summary>outside any task</details>
            """;

    @Test
    void readsTitleTasksPointsAndHintsInOrder() {
        LabSheet sheet = LabSheet.parse("99-sample", SHEET);

        assertThat(sheet.title()).isEqualTo("Lab 99: Sample");
        assertThat(sheet.tasks()).extracting(LabSheet.TaskInfo::id).containsExactly(1, 2);
        assertThat(sheet.tasks()).extracting(LabSheet.TaskInfo::title).containsExactly("Count things", "Count faster");
        assertThat(sheet.totalPoints()).isEqualTo(100);
        assertThat(sheet.task(1).orElseThrow().hints())
                .containsExactly(new LabSheet.Hint("Hint 1: nudge", "Think about it."), new LabSheet.Hint("Hint 2: approach", "Use a map."));
        assertThat(sheet.task(2).orElseThrow().hints()).as("a details block after the task's section is not its hint").isEmpty();
    }

    @Test
    void anchorsMatchGitHubHeadingIds() {
        LabSheet sheet = LabSheet.parse("99-sample", SHEET);
        assertThat(sheet.task(1).orElseThrow().anchor()).isEqualTo("task-1-count-things-40-points");
    }

    @Test
    void readsHintLaddersFromTheHintFileBesideTheSheet(@org.junit.jupiter.api.io.TempDir java.nio.file.Path lab) throws Exception {
        java.nio.file.Files.writeString(lab.resolve("README.md"), SHEET);
        java.nio.file.Files.writeString(lab.resolve(LabSheet.HINT_FILE), """
                # Hints: Lab 99

                ## Task 2

                ### Hint 1: nudge
                Two lines
                of text.

                ### Hint 2: approach
                Count in parallel.

                ## Task 1
                ### Hint 1: nudge
                Only one.
                """);

        LabSheet sheet = LabSheet.read(lab);

        assertThat(sheet.task(1).orElseThrow().hints()).as("the hint file replaces the sheet's own hints")
                .containsExactly(new LabSheet.Hint("Hint 1: nudge", "Only one."));
        assertThat(sheet.task(2).orElseThrow().hints()).containsExactly(
                new LabSheet.Hint("Hint 1: nudge", "Two lines\nof text."), new LabSheet.Hint("Hint 2: approach", "Count in parallel."));
    }
}
