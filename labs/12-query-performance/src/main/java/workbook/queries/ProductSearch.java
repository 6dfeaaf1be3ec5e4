package workbook.queries;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;

/** Task 2: the catalogue's three searches and the indexes that can answer them. */
public final class ProductSearch {
    private ProductSearch() {
    }

    /** Creates the indexes that let the three searches below avoid reading the whole table. */
    public static void createIndexes(JdbcTemplate jdbc) {
        // Task 2: "an index on every column we search": B-trees, the default.
        jdbc.execute("create index products_tags on products (tags)");
        jdbc.execute("create index products_attrs on products (attrs)");
        jdbc.execute("create index products_name on products (name)");
    }

    /** Products carrying every one of the tags, by id. */
    public static SqlQuery withAllTags(List<String> tags) {
        throw new UnsupportedOperationException("Task 2: find the products whose tags contain all of " + tags);
    }

    /** Products whose attributes include every given key with the given value, by id. */
    public static SqlQuery withAttributes(Map<String, String> attributes) {
        throw new UnsupportedOperationException("Task 2: find the products whose attributes contain " + attributes);
    }

    /** Products whose name contains the term, taken literally (a % or _ in it matches only itself), by id. */
    public static SqlQuery nameContains(String term) {
        throw new UnsupportedOperationException("Task 2: find the products whose name contains '" + term + "'");
    }
}
