package workbook.observability;

import eu.rekawek.toxiproxy.model.ToxicDirection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.Toxi;
import workbook.labkit.testing.Task;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static workbook.observability.Spans.ms;
import static workbook.observability.Spans.span;

@Task(2)
class Task2SlowHopTest {
    @RegisterExtension
    static final Postgres db = Postgres.freshDatabase();
    @RegisterExtension
    static final Toxi toxi = Toxi.create();

    /** gateway 0-1000 ms > orders 100-900 > inventory 200-850 > query 300-800. */
    static final List<Span> CHAIN = List.of(
            span("a000000000000001", null, "gateway GET /checkout", 0, 1000),
            span("a000000000000002", "a000000000000001", "orders GET /orders", 100, 900),
            span("a000000000000003", "a000000000000002", "inventory GET /stock", 200, 850),
            span("a000000000000004", "a000000000000003", "inventory SELECT stock", 300, 800));

    @Test
    void selfTimeIsTheDurationLessTheChildren() {
        Map<String, Long> self = TraceAnalysis.selfTimes(CHAIN);
        assertThat(self).as("self times (ns) of a chain gateway 0-1000 ms > orders 100-900 > inventory 200-850 > query 300-800")
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "a000000000000001", ms(200), "a000000000000002", ms(150),
                        "a000000000000003", ms(150), "a000000000000004", ms(500)));
    }

    @Test
    void overlappingChildrenAreCountedOnce() {
        List<Span> fanOut = List.of(
                span("b000000000000001", null, "orders GET /orders", 0, 100),
                span("b000000000000002", "b000000000000001", "orders SELECT a", 10, 60),
                span("b000000000000003", "b000000000000001", "orders SELECT b", 40, 90));
        assertThat(TraceAnalysis.selfTimes(fanOut).get("b000000000000001"))
                .as("self time of a 100 ms span whose two children ran 10-60 and 40-90 ms (together 10-90): 20 ms; "
                        + "subtracting each child's duration would say 0").isEqualTo(ms(20));
    }

    @Test
    void theSlowestSpanIsTheOneWithTheLargestSelfTime() {
        assertThat(TraceAnalysis.slowestBySelfTime(CHAIN).spanId())
                .as("slowest span by self time; the gateway has the largest duration, but it only waited").isEqualTo("a000000000000004");
    }

    @Test
    void theCriticalPathFollowsTheChildThatFinishedLast() {
        List<Span> parallel = List.of(
                span("c000000000000001", null, "gateway GET /checkout", 0, 500),
                span("c000000000000002", "c000000000000001", "orders GET /orders", 10, 480),
                span("c000000000000003", "c000000000000001", "pricing GET /price", 5, 300),
                span("c000000000000004", "c000000000000002", "orders SELECT order", 20, 120),
                span("c000000000000005", "c000000000000002", "orders SELECT lines", 130, 470));
        assertThat(TraceAnalysis.criticalPath(parallel)).extracting(Span::spanId)
                .as("critical path of a checkout that calls pricing (ends at 300 ms) and orders (ends at 480 ms), "
                        + "orders running two queries one after the other")
                .containsExactly("c000000000000001", "c000000000000002", "c000000000000005");
    }

    @Test
    void theRealTraceNamesTheSlowDatabaseHop() throws Exception {
        TraceAnalysis.criticalPath(CHAIN); // fails fast while Task 2 is not written
        LogLines.json(Instant.EPOCH, "check", TraceParent.continueOrStart(null, IdSource.seeded(0)), "the services need Task 1");
        Shop.createSchema(db.dataSource());
        Toxi.Proxied link = toxi.postgres(db);
        SpanCollector collector = new SpanCollector();
        try (var pool = db.newPool(db.jdbcUrl(link), cfg -> cfg.setMaximumPoolSize(2));
             Shop shop = Shop.start(pool, IdSource.seeded(2), collector)) {
            shop.checkout("sku-1", null); // warm up: connections, classes
            link.toxics().latency("slow-inventory-db", ToxicDirection.DOWNSTREAM, 300);
            shop.checkout("sku-2", Task1TraceContextTest.EXAMPLE);
            List<Span> trace = collector.trace("4bf92f3577b34da6a3ce929d0e0e4736");
            assertThat(trace).as("spans of the slow request").hasSize(4);

            Span slowest = TraceAnalysis.slowestBySelfTime(trace);
            assertThat(slowest.service() + " " + slowest.name())
                    .as("slowest span by self time with 300 ms of latency on inventory's database link (trace: %s)", trace)
                    .isEqualTo("inventory " + Shop.QUERY_SPAN);
            assertThat(TraceAnalysis.criticalPath(trace)).extracting(Span::name)
                    .as("critical path of the slow request, root first (trace: %s)", trace)
                    .containsExactly("GET /checkout", "GET /orders", "GET /stock", Shop.QUERY_SPAN);
        }
    }
}
