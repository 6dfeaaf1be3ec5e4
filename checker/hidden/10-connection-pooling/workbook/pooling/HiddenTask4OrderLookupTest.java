package workbook.pooling;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.testing.Task;

import static org.assertj.core.api.Assertions.assertThat;

@Task(4)
class HiddenTask4OrderLookupTest {
    @RegisterExtension
    static final Postgres db = LabDatabase.fresh();

    @BeforeAll
    static void orders() throws Exception {
        LabDatabase.setUp(db, Orders::createTable);
    }

    @Test
    void manyMixedRequestsOnASmallPoolAllGetTheirAnswer() throws Exception {
        try (HikariDataSource pool = LabDatabase.direct(db).pool("mixed", 2, config -> config.setConnectionTimeout(300))) {
            OrderLookup lookup = new OrderLookup(pool);
            for (long id = -3; id <= Orders.ORDERS + 5; id++) {
                Reply reply = lookup.find(id);
                if (id >= 1 && id <= Orders.ORDERS) {
                    assertThat(reply).as("order %d", id).isEqualTo(Reply.ok(Long.toString(id * 1000)));
                } else {
                    assertThat(reply).as("missing order %d", id).isEqualTo(Reply.notFound("order " + id));
                }
            }
            assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
        }
    }

    @Test
    void theServicePoolHasTheRequestedSizeAndLeakDetection() {
        try (HikariDataSource pool = OrderLookup.newPool(LabDatabase.direct(db), 3)) {
            assertThat(pool.getMaximumPoolSize()).isEqualTo(3);
            assertThat(pool.getLeakDetectionThreshold()).isEqualTo(2_000);
            assertThat(pool.getJdbcUrl()).isEqualTo(db.jdbcUrl());
        }
    }
}
