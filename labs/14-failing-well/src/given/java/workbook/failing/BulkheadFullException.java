package workbook.failing;

/** Thrown at once by {@link Bulkhead#call} when every permit of the bulkhead is in use. */
public class BulkheadFullException extends RuntimeException {
    public BulkheadFullException(String name, int maxConcurrentCalls) {
        super("bulkhead '" + name + "' is full: " + maxConcurrentCalls + " calls already in progress");
    }
}
