package workbook.checker;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A class graded in two shards and merged gives the gradebook of the class graded whole, row for row. */
class ShardTest {
    @TempDir
    Path temp;

    @Test
    void twoShardsMergedEqualTheWholeBatch() throws Exception {
        Path course = Fixtures.course(temp);
        Path submissions = temp.resolve("submissions");
        Fixtures.submission("correct", submissions);
        Fixtures.submission("not-compiling", submissions);
        Fixtures.write(submissions.resolve("broken.zip"), "this is not a zip file");

        batch(course, submissions, "whole");
        batch(course, submissions, "shard-1", "--shard", "1/2");
        batch(course, submissions, "shard-2", "--shard", "2/2");
        Fixtures.Run merge = Fixtures.checker("gradebook", "merge", temp.resolve("shard-1").toString(), temp.resolve("shard-2").toString(),
                "--out", temp.resolve("merged").toString());

        assertThat(merge.code()).as(merge.toString()).isZero();
        assertThat(merge.out()).contains("Merged 3 students from 2 folders");
        assertThat(rows(temp.resolve("merged"))).isEqualTo(rows(temp.resolve("whole"))).hasSize(4);
        assertThat(students(temp.resolve("shard-1"))).doesNotContainAnyElementsOf(students(temp.resolve("shard-2")));
        assertThat(temp.resolve("merged/correct/feedback.md")).exists();
    }

    @Test
    void aShardMustBeKOfN() {
        Fixtures.Run run = Fixtures.checker("batch", temp.toString(), "--shard", "3/2");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--shard takes K/N with 1 <= K <= N");
    }

    private void batch(Path course, Path submissions, String out, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("batch", submissions.toString(), "--root", course.toString(),
                "--out", temp.resolve(out).toString(), "--work", temp.resolve("work-" + out).toString(), "--test-timeout", "5s"));
        args.addAll(List.of(extra));
        Fixtures.Run run = Fixtures.checker(args.toArray(String[]::new));
        assertThat(run.code()).as(run.toString()).isZero();
    }

    /** The gradebook's rows without the time of grading. */
    private static List<String> rows(Path out) throws Exception {
        return Files.readAllLines(out.resolve("gradebook.csv")).stream()
                .map(row -> row.replaceAll("\\d{4}-\\d\\d-\\d\\dT[\\d:]+Z", "<time>")).toList();
    }

    private static List<String> students(Path out) throws Exception {
        try (Stream<Path> entries = Files.list(out)) {
            return entries.filter(Files::isDirectory).map(path -> path.getFileName().toString()).collect(Collectors.toList());
        }
    }
}
