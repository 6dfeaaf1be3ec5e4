package workbook.gateway;

import java.util.Optional;

/** The routing stage of the gateway (Task 1). */
public interface Routes {
    /** The target of a request for {@code host} (the Host header, maybe with a port) and {@code path}, or empty (404). */
    Optional<Target> route(String host, String path);

    /** The status the gateway answers when the call to the service failed with {@code failure}. */
    int statusFor(Throwable failure);

    /** Sends every path, unchanged, to one service; any failure is a 502. For the tests of other tasks. */
    static Routes everythingTo(String service) {
        return new Routes() {
            @Override
            public Optional<Target> route(String host, String path) {
                return Optional.of(new Target(service, path));
            }

            @Override
            public int statusFor(Throwable failure) {
                return 502;
            }
        };
    }
}
