package workbook.queries;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.testing.Task;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Terms with LIKE's special characters, one tag, no match, three attributes. */
@Task(2)
class HiddenTask2LiteralTermsTest {
    @RegisterExtension
    static final Postgres db = LabDatabase.fresh();

    @BeforeAll
    static void catalogue() {
        ProductsTable.create(db.jdbc());
        ProductsTable.fill(db.jdbc(), Task2IndexTypesTest.PRODUCTS);
        String[] names = {"Save 50% now", "Save 500 now", "snake_case name", "snakeXcase name", "back\\slash",
                "backslash"};
        for (int i = 0; i < names.length; i++) {
            db.jdbc().update("insert into products values (?, ?, '{}', '{}')", 900_001 + i, names[i]);
        }
        ProductSearch.createIndexes(db.jdbc());
        db.jdbc().execute("vacuum analyze products");
    }

    @Test
    void percent_underscore_and_backslash_match_only_themselves() {
        assertThat(ProductSearch.nameContains("50%").ids(db.jdbc())).as("names containing '50%%'")
                .containsExactly(900_001);
        assertThat(ProductSearch.nameContains("e_c").ids(db.jdbc())).as("names containing 'e_c'")
                .containsExactly(900_003);
        assertThat(ProductSearch.nameContains("k\\s").ids(db.jdbc())).as("names containing 'k\\s'")
                .containsExactly(900_005);
        Plan plan = Plan.explain(db.jdbc(), ProductSearch.nameContains("e_c"));
        assertThat(plan.indexTypes(db.jdbc())).as("indexes of the escaped search: %s", plan).contains("gin");
    }

    @Test
    void one_tag_no_match_and_three_attributes() {
        assertThat(ProductSearch.withAllTags(List.of("tag-5")).ids(db.jdbc())).as("products tagged tag-5")
                .isEqualTo(Catalogue.withAllTags(List.of("tag-5")));
        assertThat(ProductSearch.withAllTags(List.of("tag-5", "no-such-tag")).ids(db.jdbc()))
                .as("products tagged tag-5 and no-such-tag").isEmpty();
        Map<String, String> three = Map.of("brand", "brand-3", "color", "color-3", "size", "size-3");
        assertThat(ProductSearch.withAttributes(three).ids(db.jdbc())).as("products with %s", three)
                .isEqualTo(Catalogue.withAttributes(three));
        Plan plan = Plan.explain(db.jdbc(), ProductSearch.withAttributes(three));
        assertThat(plan.scansWholeTable()).as("whole-table scan for %s: %s", three, plan).isFalse();
    }
}
