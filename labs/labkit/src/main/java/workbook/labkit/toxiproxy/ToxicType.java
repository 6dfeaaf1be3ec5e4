package workbook.labkit.toxiproxy;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The toxic types Toxiproxy 2.12 knows, with the names of their attributes. Every attribute is a whole
 * number and defaults to 0; the JSON of a toxic always lists all of its type's attributes (the Java
 * client reads each of them back).
 */
enum ToxicType {
    /** Delays each piece of data by {@code latency} ms, plus or minus up to {@code jitter} ms. */
    LATENCY("latency", "jitter"),
    /** Limits the flow to {@code rate} KB/s (1 KB = 1000 bytes); 0 means unlimited. */
    BANDWIDTH("rate"),
    /** Delays closing the connection by {@code delay} ms once the sender has closed. */
    SLOW_CLOSE("delay"),
    /** Drops all data, and closes the connection after {@code timeout} ms (never when 0). */
    TIMEOUT("timeout"),
    /** On the first data, waits {@code timeout} ms, then resets the connection (TCP RST). */
    RESET_PEER("timeout"),
    /** Cuts data into pieces of {@code average_size} +/- {@code size_variation} bytes, {@code delay} microseconds apart. */
    SLICER("average_size", "size_variation", "delay"),
    /** Lets {@code bytes} bytes through, then closes the connection. */
    LIMIT_DATA("bytes"),
    /** Does nothing; Toxiproxy accepts it, so we do too. */
    NOOP;

    private final List<String> attributeNames;

    ToxicType(String... attributeNames) {
        this.attributeNames = List.of(attributeNames);
    }

    List<String> attributeNames() {
        return attributeNames;
    }

    String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<ToxicType> parse(String text) {
        for (ToxicType type : values()) {
            if (type.jsonName().equals(text)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
