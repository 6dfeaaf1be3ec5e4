package workbook.scaling;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions in this instance's own memory. Fine for one instance; with several behind a balancer,
 * only the instance that logged the user in knows the session, and it dies with the instance.
 */
public final class InMemorySessionStore implements SessionStore {
    private final Map<String, String> users = new ConcurrentHashMap<>();

    @Override
    public String create(String user) {
        String id = UUID.randomUUID().toString();
        users.put(id, user);
        return id;
    }

    @Override
    public Optional<String> user(String sessionId) {
        return Optional.ofNullable(users.get(sessionId));
    }

    @Override
    public void close() {
        users.clear();
    }
}
