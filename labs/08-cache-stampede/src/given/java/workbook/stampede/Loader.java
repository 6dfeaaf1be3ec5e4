package workbook.stampede;

/** Reads the value of a key from the source of truth: here, a slow query on PostgreSQL. */
@FunctionalInterface
public interface Loader {
    String load(String key) throws Exception;
}
