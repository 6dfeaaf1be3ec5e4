package workbook.gateway;

import java.time.Duration;

/**
 * One call of an aggregate endpoint: its name in the answer, the service and path to call, how long
 * to wait for it at most, and whether the answer is worthless without it.
 */
public record Part(String name, String service, String path, Duration timeout, boolean required) {
}
