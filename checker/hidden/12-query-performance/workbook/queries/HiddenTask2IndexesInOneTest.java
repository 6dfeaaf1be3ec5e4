package workbook.queries;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.testing.Task;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three searches of Task 2 on indexes created inside the test itself. (Mutation testing credits
 * set-up code run in {@code @BeforeAll} to one test only; here every index line belongs to this test.)
 */
@Task(2)
class HiddenTask2IndexesInOneTest {
    @RegisterExtension
    static final Postgres db = LabDatabase.fresh();

    @Test
    void eachSearchUsesTheIndexCreatedForIt() {
        ProductsTable.create(db.jdbc());
        ProductsTable.fill(db.jdbc(), Task2IndexTypesTest.PRODUCTS);
        ProductSearch.createIndexes(db.jdbc());
        db.jdbc().execute("vacuum analyze products");

        String name = db.jdbc().queryForObject("select name from products where id = 777", String.class);
        Map<String, SqlQuery> searches = Map.of(
                "tags", ProductSearch.withAllTags(List.of("tag-4", "tag-17")),
                "attributes", ProductSearch.withAttributes(Map.of("brand", "brand-9", "color", "color-2")),
                "name", ProductSearch.nameContains(name.substring(9, 15)));
        searches.forEach((what, search) -> {
            Plan plan = Plan.explain(db.jdbc(), search);
            assertThat(plan.scansWholeTable()).as("the %s search reads the whole table: %s", what, plan).isFalse();
            assertThat(plan.indexTypes(db.jdbc())).as("index types the %s search used: %s", what, plan).contains("gin");
        });
    }
}
