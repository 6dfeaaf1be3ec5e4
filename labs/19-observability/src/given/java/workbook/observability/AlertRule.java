package workbook.observability;

import java.time.Instant;

/** An alerting rule fed one request at a time and asked, now and then, whether it pages. */
public interface AlertRule {
    /** One request finished at {@code at}; {@code error} is true for a 5xx answer. Times never go backwards. */
    void record(Instant at, boolean error);

    /** Whether the rule pages at {@code now} (never earlier than the last recorded request). */
    boolean firing(Instant now);
}
