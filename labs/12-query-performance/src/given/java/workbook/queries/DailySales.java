package workbook.queries;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Sales of one UTC day (Task 5), and how old the answer may be.
 *
 * @param asOf when the numbers were computed: orders placed after it may be missing
 */
public record DailySales(LocalDate day, long orders, long totalCents, Instant asOf) {
}
