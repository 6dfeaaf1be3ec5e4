package workbook.deploy;

import java.util.Optional;

/** Where flags live. Every call is a round trip to the store. */
public interface FlagSource {
    Optional<Flag> load(String name);
}
