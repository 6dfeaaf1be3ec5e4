package workbook.deploy;

/** What both versions of the service do with customers. Each method is one SQL statement or two. */
public interface Customers {
    void create(long id, String name);

    void rename(long id, String name);

    String nameOf(long id);
}
