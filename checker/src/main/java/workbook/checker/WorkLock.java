package workbook.checker;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One checker at a time per scratch folder. Two checkers in the same folder would overwrite each
 * other's compiled classes, and each one's clean-up of left-over servers would stop the other's
 * test JVMs. The lock is an OS file lock, so it is released even when the checker is killed.
 */
final class WorkLock {
    private static final String FILE = ".checker.lock";
    /** Held until the process ends: a channel that is no longer referenced is closed by the garbage collector, lock and all. */
    private static final List<FileChannel> HELD = new CopyOnWriteArrayList<>();

    private WorkLock() {
    }

    /** Takes the folder for this process, until it exits; a second checker gets a {@link UserError}. */
    static void claim(Path folder, String command) {
        Path lockFile = folder.resolve(FILE);
        try {
            Files.createDirectories(folder);
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException alreadyOurs) {
                channel.close();
                return;
            }
            if (lock == null) {
                channel.close();
                String holder = holder(lockFile);
                throw new UserError("Another checker is already running `" + command + "` in " + folder
                        + (holder.isEmpty() ? "" : " (" + holder + ")")
                        + ". Wait for it to finish, or give this one its own scratch folder with --work DIR.");
            }
            channel.truncate(0);
            channel.write(StandardCharsets.UTF_8.encode("process " + ProcessHandle.current().pid() + "\n"));
            HELD.add(channel);
        } catch (IOException e) {
            throw new UserError("Could not use the scratch folder " + folder + ": " + e.getMessage()
                    + ". Check that it is writable, or choose another with --work DIR.", e);
        }
    }

    private static String holder(Path lockFile) {
        try {
            return Files.readString(lockFile).strip();
        } catch (IOException unreadable) {
            return "";
        }
    }
}
