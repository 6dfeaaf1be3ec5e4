package workbook.pagination;

import org.springframework.jdbc.core.JdbcTemplate;

/** The plan-reading of Tasks 2, 3 and 6, which use your {@link PageCost} from Task 1. */
final class Plans {
    private Plans() {
    }

    static PageCost cost(JdbcTemplate jdbc, SqlQuery query) {
        try {
            return PageCost.explain(jdbc, query);
        } catch (UnsupportedOperationException e) {
            throw new UnsupportedOperationException("do Task 1 first: this test reads query plans with your "
                    + "PageCost.explain (" + e.getMessage() + ")", e);
        }
    }
}
