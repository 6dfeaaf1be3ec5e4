package workbook.loadbalancing;

import java.util.List;
import java.util.Optional;

/**
 * Where the reverse proxy sends a request: the pool that serves a host and path. {@link Router}
 * (Task 6) is the real implementation; {@link #to(Pool)} sends everything to one pool.
 */
public interface Routes {
    /**
     * @param host the Host header as the client sent it (such as "api.example.com" or "API.example.com:8080")
     * @param path the request path (such as "/api/users/42")
     * @return the pool that serves it, or empty when no rule matches
     */
    Optional<Pool> poolFor(String host, String path);

    /** Every pool these routes can return; the proxy probes their ejected servers. */
    List<Pool> pools();

    /** Every request, whatever its host and path, goes to {@code pool}. */
    static Routes to(Pool pool) {
        return new Routes() {
            @Override
            public Optional<Pool> poolFor(String host, String path) {
                return Optional.of(pool);
            }

            @Override
            public List<Pool> pools() {
                return List.of(pool);
            }
        };
    }
}
