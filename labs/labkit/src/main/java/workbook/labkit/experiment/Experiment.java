package workbook.labkit.experiment;

import java.nio.file.Path;

/** Where experiments write: {@code target/experiment/} of the module they run in. */
public final class Experiment {
    private Experiment() {
    }

    public static Path outputDirectory() {
        return Path.of("target", "experiment").toAbsolutePath();
    }

    public static Path output(String fileName) {
        return outputDirectory().resolve(fileName);
    }
}
