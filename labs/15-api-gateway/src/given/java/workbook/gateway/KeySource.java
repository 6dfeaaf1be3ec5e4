package workbook.gateway;

import java.io.IOException;
import java.security.PublicKey;
import java.util.Map;

/** Where the gateway gets the identity provider's public keys (a JWKS), by key id ({@code kid}). */
public interface KeySource {
    /** Fetches the current key set: one HTTP request to the identity provider each time it is called. */
    Map<String, PublicKey> fetch() throws IOException;
}
