package workbook.checker.course;

import workbook.labkit.progress.LabSheet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One lab of the course and everything the checker keeps beside it.
 *
 * @param id          the folder name, {@code 04-rate-limiting}
 * @param dir         {@code labs/04-rate-limiting}: the lab sheet, the given code, the starter and the public tests
 * @param solutionDir {@code solutions/04-rate-limiting}
 * @param hiddenDir   {@code checker/hidden/04-rate-limiting}: tests never shipped to students
 * @param wrongDir    {@code checker/fixtures/wrong/04-rate-limiting}: wrong-but-plausible solutions, each a
 *                    {@code .patch} against the solution
 */
public record Lab(String id, Path dir, Path solutionDir, Path hiddenDir, Path wrongDir) {

    /** The two digits, {@code 04}. */
    public String number() {
        return id.substring(0, 2);
    }

    public LabSheet sheet() {
        return LabSheet.read(dir);
    }

    /** The code students edit: the starter here, the reference in {@link #solutionSources()}. */
    public Path starterSources() {
        return dir.resolve("src/main/java");
    }

    /** What students are given and never edit; compiled with the starter, the solution and every submission. */
    public Path givenSources() {
        return dir.resolve("src/given/java");
    }

    public Path publicTests() {
        return dir.resolve("src/test/java");
    }

    public Path testResources() {
        return dir.resolve("src/test/resources");
    }

    public Path solutionSources() {
        return solutionDir.resolve("src/main/java");
    }

    public Path solutionOwnTests() {
        return solutionDir.resolve("src/test/java");
    }

    public Optional<Path> hiddenTests() {
        return Files.isDirectory(hiddenDir) ? Optional.of(hiddenDir) : Optional.empty();
    }

    @Override
    public String toString() {
        return id;
    }
}
