package workbook.retries;

import java.io.IOException;

/** Sends one attempt of a request. An {@link IOException} means no reply came back (refused, reset, timed out). */
@FunctionalInterface
public interface Transport {
    Reply send(Request request) throws IOException;
}
