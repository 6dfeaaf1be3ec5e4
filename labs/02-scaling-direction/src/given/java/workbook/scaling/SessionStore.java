package workbook.scaling;

import java.util.Optional;

/** Where an app instance keeps who is logged in. */
public interface SessionStore extends AutoCloseable {

    /** Starts a session for {@code user} and returns its id, the value of the session cookie. */
    String create(String user);

    /** The user of a live session, or empty if the id is unknown or expired. Each hit keeps the session alive (sliding expiry). */
    Optional<String> user(String sessionId);

    @Override
    void close();
}
