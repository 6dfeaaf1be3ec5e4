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
        for (String column : List.of("tags", "attrs", "name")) {
            jdbc.execute("create index products_" + column + " on products (" + column + ")");
        }
    }

    /** Products carrying every one of the tags, by id. */
    public static SqlQuery withAllTags(List<String> tags) {
        return SqlQuery.of("select id from products where tags @> ?::text[] order by id",
                (Object) tags.toArray(String[]::new));
    }

    /** Products whose attributes include every given key with the given value, by id. */
    public static SqlQuery withAttributes(Map<String, String> attributes) {
        // jsonb_object(keys, values) builds the JSON object {"key": "value", ...} inside PostgreSQL.
        return SqlQuery.of("select id from products where attrs @> jsonb_object(?::text[], ?::text[]) order by id",
                attributes.keySet().toArray(String[]::new),
                attributes.keySet().stream().map(attributes::get).toArray(String[]::new));
    }

    /** Products whose name contains the term, taken literally (a % or _ in it matches only itself), by id. */
    public static SqlQuery nameContains(String term) {
        return SqlQuery.of("select id from products where name like ? order by id", "%" + term + "%");
    }
}
