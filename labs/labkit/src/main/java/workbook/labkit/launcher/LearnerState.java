package workbook.labkit.launcher;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the launcher remembers between commands, in {@code .workbook/state.json} at the repository
 * root (ignored by git): how many hint levels the learner has opened, per lab and task.
 */
public final class LearnerState {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    /** lab id -> task number -> hint levels opened. */
    private final Map<String, Map<Integer, Integer>> hintsOpened;

    private LearnerState(Path file, Map<String, Map<Integer, Integer>> hintsOpened) {
        this.file = file;
        this.hintsOpened = hintsOpened;
    }

    public static LearnerState load(Path root) {
        Path file = root.resolve(".workbook/state.json");
        if (!Files.isRegularFile(file)) {
            return new LearnerState(file, new TreeMap<>());
        }
        try {
            Map<String, Map<Integer, Integer>> read = JSON.readValue(file.toFile(), new TypeReference<TreeMap<String, Map<Integer, Integer>>>() {
            });
            return new LearnerState(file, read);
        } catch (IOException e) {
            // A damaged state file only loses the hint counts; say so rather than fail the command.
            System.err.println("workbook: " + file + " could not be read (" + e.getMessage() + "); starting hint counts afresh.");
            return new LearnerState(file, new TreeMap<>());
        }
    }

    public int hintsOpened(String lab, int task) {
        return hintsOpened.getOrDefault(lab, Map.of()).getOrDefault(task, 0);
    }

    public int hintsOpened(String lab) {
        return hintsOpened.getOrDefault(lab, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
    }

    public void recordHintOpened(String lab, int task, int level) throws IOException {
        hintsOpened.computeIfAbsent(lab, k -> new TreeMap<>()).merge(task, level, Math::max);
        Files.createDirectories(file.getParent());
        JSON.writeValue(file.toFile(), hintsOpened);
    }
}
