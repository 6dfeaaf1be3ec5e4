package workbook.labkit.toxiproxy;

import java.util.Locale;
import java.util.Optional;

/** Which way the bytes flow through a proxy; a toxic acts on one direction only. */
enum Direction {
    /** Client to server: requests. */
    UPSTREAM,
    /** Server to client: responses. Toxiproxy's default. */
    DOWNSTREAM;

    String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Direction> parse(String text) {
        for (Direction direction : values()) {
            if (direction.jsonName().equalsIgnoreCase(text)) {
                return Optional.of(direction);
            }
        }
        return Optional.empty();
    }
}
