package workbook.queries;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;

/** Task 2: the catalogue's three searches and the indexes that can answer them. */
public final class ProductSearch {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProductSearch() {
    }

    /** Creates the indexes that let the three searches below avoid reading the whole table. */
    public static void createIndexes(JdbcTemplate jdbc) {
        // A B-tree orders whole values, so it can answer "=", "<" and "starts with", never "contains".
        // GIN indexes the parts of a value: each array element, each JSON key/value, each trigram of a name.
        jdbc.execute("create extension if not exists pg_trgm");
        jdbc.execute("create index products_tags on products using gin (tags)");
        // jsonb_path_ops: smaller and faster than the default operator class, and @> is all we ask of it.
        jdbc.execute("create index products_attrs on products using gin (attrs jsonb_path_ops)");
        jdbc.execute("create index products_name_trigrams on products using gin (name gin_trgm_ops)");
    }

    /** Products carrying every one of the tags, by id. */
    public static SqlQuery withAllTags(List<String> tags) {
        return SqlQuery.of("select id from products where tags @> ?::text[] order by id",
                (Object) tags.toArray(String[]::new));
    }

    /** Products whose attributes include every given key with the given value, by id. */
    public static SqlQuery withAttributes(Map<String, String> attributes) {
        return SqlQuery.of("select id from products where attrs @> ?::jsonb order by id",
                JSON.valueToTree(attributes).toString());
    }

    /** Products whose name contains the term, taken literally (a % or _ in it matches only itself), by id. */
    public static SqlQuery nameContains(String term) {
        // Backslash is LIKE's default escape character: escape it first, then the two wildcards.
        String literal = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return SqlQuery.of("select id from products where name like ? order by id", "%" + literal + "%");
    }
}
