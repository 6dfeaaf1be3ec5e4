package workbook.pooling;

/** A product's price, and the PostgreSQL server process ({@code pg_backend_pid()}) that answered. */
public record Quote(long productId, long priceCents, int backendPid) {
}
