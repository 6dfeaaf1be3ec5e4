package workbook.checker;

import picocli.CommandLine.Option;
import workbook.checker.course.Course;
import workbook.checker.run.LabClasspath;
import workbook.checker.run.LabRun;
import workbook.checker.run.Sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Options every command that runs labs shares. */
public final class CommonOptions {
    @Option(names = "--root", paramLabel = "DIR",
            description = "The course repository (default: the nearest folder upwards holding labs/pom.xml).")
    Path root;

    @Option(names = "--lab", paramLabel = "NN", split = ",",
            description = "Only these labs, by number or folder name (repeatable, or comma-separated). Default: every registered lab.")
    List<String> labs = new ArrayList<>();

    @Option(names = "--test-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Limit per test, such as 10s (default: the lab kit's 30 s).")
    Duration testTimeout;

    @Option(names = "--lab-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Wall-clock limit per lab, all its tests together; stops even code that ignores interrupts (default: 180s).")
    Duration labTimeout = LabRun.Limits.DEFAULT_LAB_TIMEOUT;

    @Option(names = "--work", paramLabel = "DIR",
            description = "Scratch folder for compiled classes and test JVMs (default: checker/target/work under the repository).")
    Path work;

    @Option(names = "--require-isolation",
            description = "Stop with an error when the test JVMs cannot run in bubblewrap's sandbox (instead of running them not isolated).")
    boolean requireIsolation;

    public Course course() {
        return courseAt(root);
    }

    /** The course at the folder given, else the one the launcher names, else the nearest one upwards. */
    public static Course courseAt(Path root) {
        return Course.locate(root == null ? envRoot() : root);
    }

    private static Path envRoot() {
        String fromLauncher = System.getenv("WORKBOOK_CHECKER_ROOT");
        return fromLauncher == null || fromLauncher.isBlank() ? null : Path.of(fromLauncher);
    }

    public Path work(Course course, String command) {
        Path base = (work != null ? work.toAbsolutePath() : course.root().resolve("checker/target/work")).normalize();
        return base.resolve(command);
    }

    public LabRun.Limits limits() {
        return new LabRun.Limits(testTimeout, labTimeout, LabRun.Limits.defaults().outputLimit());
    }

    public LabRun runner(Path scratch) {
        return new LabRun(LabClasspath.load(), limits(), scratch, sandbox());
    }

    /** bubblewrap when it works here; otherwise none, or an error with --require-isolation. */
    public Sandbox sandbox() {
        Sandbox sandbox = Sandbox.detect();
        if (requireIsolation && !sandbox.isolated()) {
            throw new UserError("--require-isolation: the test JVMs cannot be isolated here: " + sandbox.describe()
                    + ". Install bubblewrap (Debian/Ubuntu: sudo apt-get install bubblewrap) or grade on Linux.");
        }
        return sandbox;
    }
}
