package workbook.labkit.infra;

import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Chooses the backend once per JVM, says which one, and stops it when the JVM exits.
 * <p>
 * The choice comes from the environment variable {@code WORKBOOK_BACKEND} or the system property
 * {@code workbook.backend}: {@code auto} (the default: Docker when reachable, otherwise embedded),
 * {@code docker}, {@code embedded} or {@code external}.
 */
public final class Infrastructure {
    private static Backend backend;
    private static long requests;

    private Infrastructure() {
    }

    public static synchronized Backend backend() {
        requests++;
        if (backend == null) {
            backend = choose(Infrastructure::setting, DockerBackend::dockerAvailable);
            System.out.println("[labkit] infrastructure backend: " + backend.name() + " (" + backend.describe() + ")");
            Backend toStop = backend;
            Runtime.getRuntime().addShutdownHook(new Thread(toStop::close, "labkit-shutdown"));
        }
        return backend;
    }

    /** How many times tests asked for a server so far (labs/bench --watch: which tasks use servers). */
    public static synchronized long requests() {
        return requests;
    }

    /** Reads {@code NAME} from the environment, or {@code name} in lower case with dots from the system properties. */
    static Optional<String> setting(String name) {
        String property = System.getProperty(name.toLowerCase(Locale.ROOT).replace('_', '.'));
        if (property != null && !property.isBlank()) {
            return Optional.of(property.trim());
        }
        String variable = System.getenv(name);
        return variable == null || variable.isBlank() ? Optional.empty() : Optional.of(variable.trim());
    }

    static Backend choose(Function<String, Optional<String>> settings, BooleanSupplier dockerAvailable) {
        String wanted = settings.apply("WORKBOOK_BACKEND").orElse("auto").toLowerCase(Locale.ROOT);
        switch (wanted) {
            case "embedded":
                return new EmbeddedBackend();
            case "external":
                return new ExternalBackend(settings);
            case "docker":
                if (!dockerAvailable.getAsBoolean()) {
                    throw new InfrastructureException("WORKBOOK_BACKEND=docker, but Docker is not reachable.",
                            "start Docker (docker info must work for this user), or unset WORKBOOK_BACKEND to use "
                                    + "the embedded servers.", null);
                }
                return new DockerBackend();
            case "auto":
                return dockerAvailable.getAsBoolean() ? new DockerBackend() : new EmbeddedBackend();
            default:
                throw new InfrastructureException("WORKBOOK_BACKEND is '" + wanted + "', which is not a backend.",
                        "use one of auto (default), docker, embedded, external.", null);
        }
    }

    /** Where the embedded backend keeps PostgreSQL's data directories: memory when there is room, see WORKBOOK_POSTGRES_DATA. */
    public static java.nio.file.Path embeddedPostgresData() {
        return PostgresDataDirectories.ROOT.getParent();
    }

    /** Whether the docker backend could be used here; tests that need Docker skip themselves when it is false. */
    public static boolean dockerAvailable() {
        return DockerBackend.dockerAvailable();
    }
}
