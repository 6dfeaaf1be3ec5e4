package workbook.checker;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two checkers in one scratch folder: the second is stopped with a message (other processes play the first). */
class WorkLockTest {
    /** Another process: "hold" takes the lock until its standard input closes; "try" says whether it could take it. */
    private static final String OTHER_CHECKER = """
            import java.nio.channels.FileChannel;
            import java.nio.file.*;
            public class OtherChecker {
                public static void main(String[] args) throws Exception {
                    try (FileChannel channel = FileChannel.open(Path.of(args[1]), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                        if (args[0].equals("hold")) {
                            channel.lock();
                            System.out.println("locked");
                            System.in.read();
                        } else {
                            System.out.println(channel.tryLock() == null ? "busy" : "free");
                        }
                    }
                }
            }
            """;

    @TempDir
    Path temp;
    Path folder;
    Path program;

    @BeforeEach
    void writeTheOtherChecker() throws IOException {
        folder = Files.createDirectories(temp.resolve("work/calibrate"));
        program = Files.writeString(temp.resolve("OtherChecker.java"), OTHER_CHECKER);
    }

    @Test
    void aSecondCheckerInTheSameFolderIsToldToWaitOrUseAnother() throws Exception {
        Process other = start("hold");
        try {
            assertThat(firstLine(other)).isEqualTo("locked");

            assertThatThrownBy(() -> WorkLock.claim(folder, "calibrate")).isInstanceOf(UserError.class)
                    .hasMessageContaining("Another checker is already running `calibrate` in " + folder)
                    .hasMessageContaining("--work DIR");
        } finally {
            other.getOutputStream().close();
            other.waitFor(20, TimeUnit.SECONDS);
            other.destroyForcibly();
        }
        WorkLock.claim(folder, "calibrate");
        assertThat(Files.readString(folder.resolve(".checker.lock"))).startsWith("process " + ProcessHandle.current().pid());
    }

    @Test
    void theClaimOutlivesGarbageCollection() throws Exception {
        WorkLock.claim(folder, "grade");
        System.gc();
        System.runFinalization();
        Thread.sleep(200);

        Process other = start("try");
        assertThat(firstLine(other)).as("whether another process can take the folder after a GC").isEqualTo("busy");
        other.waitFor(20, TimeUnit.SECONDS);
    }

    private Process start(String mode) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, program.toString(), mode, folder.resolve(".checker.lock").toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static String firstLine(Process process) throws IOException {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine();
    }
}
