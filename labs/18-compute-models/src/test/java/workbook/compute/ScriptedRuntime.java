package workbook.compute;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A fake HandlerRuntime for Task 3: answers from scripts and writes down every call, in order. */
final class ScriptedRuntime implements HandlerRuntime {
    final Path archive = Path.of("/tmp/lab18-scripted/handler-1.jsa");
    final List<String> calls = new ArrayList<>();
    private final Deque<JvmStart> training = new ArrayDeque<>();
    private final Deque<JvmStart> plain = new ArrayDeque<>();
    private final Deque<JvmStart> archived = new ArrayDeque<>();
    private final Deque<Duration> warm = new ArrayDeque<>();
    private boolean archiveWritten;

    ScriptedRuntime training(JvmStart start) {
        training.add(start);
        return this;
    }

    ScriptedRuntime plain(JvmStart... starts) {
        plain.addAll(List.of(starts));
        return this;
    }

    ScriptedRuntime archived(JvmStart... starts) {
        archived.addAll(List.of(starts));
        return this;
    }

    ScriptedRuntime warm(long... micros) {
        for (long each : micros) {
            warm.add(Duration.ofNanos(each * 1000));
        }
        return this;
    }

    static JvmStart start(long wallMillis, int fromFiles) {
        return new JvmStart(Duration.ofMillis(wallMillis), 1000, fromFiles);
    }

    @Override
    public JvmStart coldStart(List<String> jvmOptions) {
        if (jvmOptions.isEmpty()) {
            calls.add("plain");
            return next(plain, "plain cold start");
        }
        if (jvmOptions.equals(StartupMeasurement.writeArchive(archive))) {
            calls.add("training");
            archiveWritten = true;
            return next(training, "training run");
        }
        if (jvmOptions.equals(StartupMeasurement.useArchive(archive))) {
            if (!archiveWritten) {
                throw new IllegalStateException("a JVM was started with the archive " + archive + " before a training run wrote it");
            }
            calls.add("archived");
            return next(archived, "archived cold start");
        }
        throw new IllegalStateException("a JVM was started with options " + jvmOptions + ": expected none (a plain cold start), "
                + "writeArchive(" + archive + ") or useArchive(" + archive + ")");
    }

    @Override
    public Duration invokeWarm() {
        calls.add("warm");
        return next(warm, "warm invocation");
    }

    @Override
    public Path newArchivePath() {
        calls.add("newArchivePath");
        return archive;
    }

    private static <T> T next(Deque<T> script, String what) {
        if (script.isEmpty()) {
            throw new IllegalStateException("one " + what + " more than the test expected");
        }
        return script.poll();
    }
}
