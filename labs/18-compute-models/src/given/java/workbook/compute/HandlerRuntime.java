package workbook.compute;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Where Task 3 runs the handler: {@link RealJvm} for real, a scripted fake in some tests. */
public interface HandlerRuntime {

    /** Starts a fresh JVM with these extra options, lets it handle one event, waits for it to exit. */
    JvmStart coldStart(List<String> jvmOptions);

    /** Handles one event in this JVM, which is already running: a warm invocation. Returns how long it took. */
    Duration invokeWarm();

    /** A file name for an archive, in a folder this runtime may write to; the file does not exist yet. */
    Path newArchivePath();
}
