package workbook.labkit.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class HintTest {
    @TempDir
    Path root;

    @Test
    void climbsTheLadderOneLevelAtATimeAndRemembersIt() throws Exception {
        Path lab = SampleLab.write(root);

        assertThat(Hint.next(root, lab, Optional.empty())).contains("Task 1: Add", "hint 1 of 2", "What does plus do?");
        assertThat(Hint.next(root, lab, Optional.empty())).contains("hint 2 of 2", "Return a + b.", "last hint");
        assertThat(Hint.next(root, lab, Optional.empty())).as("stays on the last level").contains("hint 2 of 2");
        assertThat(Hint.next(root, lab, Optional.of(2))).contains("Task 2: Multiply", "Times.");

        LearnerState state = LearnerState.load(root);
        assertThat(state.hintsOpened("99-sample", 1)).isEqualTo(2);
        assertThat(state.hintsOpened("99-sample")).isEqualTo(3);
    }

    @Test
    void saysWhenATaskDoesNotExist() throws Exception {
        Path lab = SampleLab.write(root);
        assertThat(Hint.next(root, lab, Optional.of(7))).contains("has no task 7", "1 to 2");
    }
}
