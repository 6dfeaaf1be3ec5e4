package workbook.labkit.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Embedded PostgreSQL servers start on copies of one initialised data directory, and clean up after themselves. */
class PostgresDataDirectoriesTest {

    @Test
    void aServerStartsOnACopyOfTheTemplateAndItsCopyIsRemovedWhenItStops() {
        EmbeddedBackend.checkPlatform();
        EmbeddedBackend backend = new EmbeddedBackend();
        Path dataDirectory;
        try {
            PostgresServer server = backend.postgres(Map.of("application_name", "template-test"));
            dataDirectory = dataDirectoryOf(server);
            assertThat(PostgresDataDirectories.TEMPLATE.resolve("PG_VERSION")).as("the template, built by the first start").exists();
            assertThat(dataDirectory).as("the server's own data directory").isNotEqualTo(PostgresDataDirectories.TEMPLATE)
                    .startsWith(PostgresDataDirectories.ROOT);
        } finally {
            backend.close();
        }
        assertThat(dataDirectory).as("the data directory after close()").doesNotExist();
    }

    @Test
    void aTemplateThatCannotBeCopiedIsBuiltAgain() throws Exception {
        EmbeddedBackend.checkPlatform();
        EmbeddedBackend warmUp = new EmbeddedBackend();
        try {
            warmUp.postgres(Map.of("application_name", "template-test"));
        } finally {
            warmUp.close();
        }
        // A link to nothing: copying the template fails, as it would if another JVM removed it meanwhile.
        Path dangling = PostgresDataDirectories.TEMPLATE.resolve("dangling-link");
        Files.createSymbolicLink(dangling, PostgresDataDirectories.ROOT.resolve("nothing-here"));
        EmbeddedBackend backend = new EmbeddedBackend();
        try {
            PostgresServer server = backend.postgres(Map.of("application_name", "template-test"));
            assertThat(dataDirectoryOf(server).resolve("PG_VERSION")).as("a data directory made by initdb").exists();
            assertThat(Files.exists(dangling, LinkOption.NOFOLLOW_LINKS)).as("the damaged template is still there").isFalse();
        } finally {
            backend.close();
        }
    }

    @Test
    void dataDirectoriesGoToMemoryWhenItHasRoomAndToTheTemporaryDirectoryOtherwise(@TempDir Path temporary) throws Exception {
        Path noSuchFolder = temporary.resolve("no-shm");
        Path memory = Path.of("/dev/shm");
        assertThat(PostgresDataDirectories.parentDirectory("/srv/pg", memory, temporary))
                .as("WORKBOOK_POSTGRES_DATA wins").isEqualTo(Path.of("/srv/pg"));
        assertThat(PostgresDataDirectories.parentDirectory(null, noSuchFolder, temporary))
                .as("no memory folder (macOS)").isEqualTo(temporary);
        assertThat(PostgresDataDirectories.parentDirectory(null, Files.createFile(temporary.resolve("a-file")), temporary))
                .as("a file where the memory folder should be").isEqualTo(temporary);
        boolean memoryHasRoom = Files.isDirectory(memory) && Files.isWritable(memory)
                && memory.toFile().getUsableSpace() >= PostgresDataDirectories.MEMORY_NEEDED;
        assertThat(PostgresDataDirectories.parentDirectory(null, memory, temporary))
                .as("/dev/shm, %s", memoryHasRoom ? "with room" : "missing or too small")
                .isEqualTo(memoryHasRoom ? memory : temporary);
    }

    private static Path dataDirectoryOf(PostgresServer server) {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl("postgres"), server.user(), server.password());
             ResultSet row = connection.createStatement().executeQuery("select current_setting('data_directory')")) {
            row.next();
            return Path.of(row.getString(1));
        } catch (SQLException e) {
            throw new AssertionError("could not ask the server for its data directory", e);
        }
    }
}
