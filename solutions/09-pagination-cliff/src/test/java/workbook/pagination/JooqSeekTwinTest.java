package workbook.pagination;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record4;
import org.jooq.SQLDialect;
import org.jooq.Select;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.testing.Task;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production twin of the feed's keyset pages: jOOQ's {@code seek()}, which writes the "rows after
 * this one" condition from the ORDER BY and the last row's values. Run against the lab's tables, it
 * must walk the same pages as the solution's {@link PostPager} and read as few rows at depth.
 * No code generation: the table and its columns are named by hand, as the lab's SQL names them.
 */
@Task(3)
class JooqSeekTwinTest {
    @RegisterExtension
    static final MillionPosts million = MillionPosts.shared();
    @RegisterExtension
    static final Postgres small = Postgres.freshDatabase();

    private static final Table<?> POSTS = DSL.table(DSL.name("posts"));
    private static final Field<Long> ID = DSL.field(DSL.name("id"), Long.class);
    private static final Field<Integer> AUTHOR_ID = DSL.field(DSL.name("author_id"), Integer.class);
    private static final Field<OffsetDateTime> CREATED_AT = DSL.field(DSL.name("created_at"), OffsetDateTime.class);
    private static final Field<String> TITLE = DSL.field(DSL.name("title"), String.class);
    /** The feed's order, newest first: the unique pair, as in {@code PostPager}. */
    private static final List<SortField<?>> NEWEST_FIRST = List.of(CREATED_AT.desc(), ID.desc());

    /** The newest posts first, after the row ({@code createdAt}, {@code id}) when one is given. */
    private static Select<Record4<Long, Integer, OffsetDateTime, String>> feedPage(
            DSLContext sql, OffsetDateTime createdAt, Long id, int limit) {
        var ordered = sql.select(ID, AUTHOR_ID, CREATED_AT, TITLE).from(POSTS).orderBy(NEWEST_FIRST);
        return createdAt == null ? ordered.limit(limit) : ordered.seek(createdAt, id).limit(limit);
    }

    @Test
    void walksTheSameFeedAsThePostPager() {
        Fixtures.smallTable(small.jdbc(), 600, 30);   // 20 seconds, 30 posts in each: pages cut through ties
        DSLContext sql = DSL.using(small.jdbc().getDataSource(), SQLDialect.POSTGRES);

        List<Long> seen = new ArrayList<>();
        OffsetDateTime lastCreatedAt = null;
        Long lastId = null;
        for (int page = 0; page < 100; page++) {
            var rows = feedPage(sql, lastCreatedAt, lastId, 20).fetch();
            if (rows.isEmpty()) {
                break;
            }
            rows.forEach(row -> seen.add(row.value1()));
            lastCreatedAt = rows.get(rows.size() - 1).value3();
            lastId = rows.get(rows.size() - 1).value1();
        }

        List<Long> pager = Walks.ids(Walks.forward(new PostPager(small.jdbc(), Fixtures.SECRET),
                PageRequest.first(Sort.CREATED_DESC, 20), 100));
        assertThat(seen).as("ids of 600 posts walked 20 at a time, newest first, with jOOQ's seek()")
                .hasSize(600).doesNotHaveDuplicates()
                .containsExactlyElementsOf(pager);
    }

    @Test
    void seeksPastTwentyThousandPostsReadingOnlyThePage() {
        DSLContext sql = DSL.using(million.jdbc().getDataSource(), SQLDialect.POSTGRES);
        // The 20,000th post of the feed, the last one a client saw after 1,000 pages of 20.
        var last = sql.select(ID, CREATED_AT).from(POSTS).orderBy(NEWEST_FIRST).offset(19_999).limit(1).fetchSingle();

        Select<?> seek = feedPage(sql, last.value2(), last.value1(), 20);
        System.out.println("[jOOQ seek] " + seek.getSQL());
        PageCost cost = Plans.cost(million.jdbc(), new SqlQuery(seek.getSQL(), seek.getBindValues()));
        assertThat(seek.getSQL()).as("jOOQ writes the condition of a seek in one direction as a row comparison")
                .contains("where (\"created_at\", \"id\") < (");
        assertThat(cost.rowsRead()).as("rows read for the page after 20,000 posts by jOOQ's seek(); %s", cost)
                .isEqualTo(20L);
        assertThat(cost.sorts()).as("whether that plan sorts; %s", cost).isFalse();
    }
}
