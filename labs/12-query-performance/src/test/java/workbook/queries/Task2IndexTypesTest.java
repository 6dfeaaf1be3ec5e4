package workbook.queries;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import workbook.labkit.Postgres;
import workbook.labkit.testing.Task;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Three searches that a B-tree cannot answer, on 50,000 products, with your {@link ProductSearch}. */
@Task(2)
class Task2IndexTypesTest {
    @RegisterExtension
    static final Postgres db = LabDatabase.fresh();

    static final int PRODUCTS = 20_000;

    @BeforeAll
    static void catalogue() {
        ProductsTable.create(db.jdbc());
        ProductsTable.fill(db.jdbc(), PRODUCTS);
        ProductSearch.createIndexes(db.jdbc());
        db.jdbc().execute("vacuum analyze products");
    }

    @Test
    void a_search_for_several_tags_uses_a_gin_index() {
        List<String> tags = List.of("tag-3", "tag-22");
        SqlQuery search = ProductSearch.withAllTags(tags);

        assertThat(search.ids(db.jdbc())).as("ids of the products tagged with all of %s", tags)
                .isEqualTo(Catalogue.withAllTags(tags))
                .isNotEmpty();
        assertUsesGin(search, Catalogue.withAllTags(tags).size());
    }

    @Test
    void a_json_containment_filter_uses_a_gin_index() {
        Map<String, String> attributes = Map.of("brand", "brand-17", "color", "color-5");
        SqlQuery search = ProductSearch.withAttributes(attributes);

        assertThat(search.ids(db.jdbc())).as("ids of the products whose attributes contain %s", attributes)
                .isEqualTo(Catalogue.withAttributes(attributes))
                .isNotEmpty();
        assertUsesGin(search, Catalogue.withAttributes(attributes).size());
    }

    @Test
    void a_substring_search_uses_a_trigram_index() {
        String name = db.jdbc().queryForObject("select name from products where id = 4242", String.class);
        String term = name.substring(10, 16);
        SqlQuery search = ProductSearch.nameContains(term);
        List<Integer> expected = db.jdbc().queryForList(
                "select id from products where strpos(name, ?) > 0 order by id", Integer.class, term);

        assertThat(search.ids(db.jdbc())).as("ids of the products whose name contains '%s'", term)
                .isEqualTo(expected)
                .contains(4242);
        assertUsesGin(search, expected.size());
    }

    private static void assertUsesGin(SqlQuery search, int matches) {
        JdbcTemplate jdbc = db.jdbc();
        Plan plan = Plan.explain(jdbc, search);
        assertThat(plan.scansWholeTable())
                .as("the search reads all %,d products: %s. Indexes on products: %s. A B-tree sorts whole values; "
                        + "it can find 'equal to' or 'starts with', never 'contains'", PRODUCTS, plan, indexes(jdbc))
                .isFalse();
        assertThat(plan.indexTypes(jdbc))
                .as("access methods of the indexes the plan used (%s)", plan)
                .contains("gin");
        assertThat(plan.rowsRead())
                .as("rows read for %s matching products, from the plan: %s", matches, plan)
                .isLessThanOrEqualTo(matches + 10L)
                .isLessThanOrEqualTo(PRODUCTS / 20);
    }

    private static List<String> indexes(JdbcTemplate jdbc) {
        return jdbc.queryForList("select indexdef from pg_indexes where tablename = 'products' order by indexname",
                String.class);
    }
}
