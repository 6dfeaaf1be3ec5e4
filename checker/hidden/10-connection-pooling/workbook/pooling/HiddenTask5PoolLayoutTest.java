package workbook.pooling;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.Toxi;
import workbook.labkit.testing.Task;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@Task(5)
class HiddenTask5PoolLayoutTest {
    @RegisterExtension
    static final Postgres db = LabDatabase.fresh();
    @RegisterExtension
    static final Toxi toxi = Toxi.create();

    @Test
    void otherSizesAndBothPoolsClose() {
        Endpoint primary = LabDatabase.direct(db);
        Endpoint replica = LabDatabase.through(db, toxi.postgres(db), "replica");
        EndpointPools pools = PoolLayout.create(primary, replica, 3, 1);
        HikariDataSource writes = (HikariDataSource) pools.writes();
        HikariDataSource reads = (HikariDataSource) pools.reads();
        assertThat(writes.getMaximumPoolSize()).isEqualTo(3);
        assertThat(reads.getMaximumPoolSize()).isEqualTo(1);
        assertThat(writes.getJdbcUrl()).isEqualTo(primary.jdbcUrl());
        assertThat(reads.getJdbcUrl()).isEqualTo(replica.jdbcUrl());
        await().atMost(Duration.ofSeconds(5)).until(() -> LabDatabase.connectionsAtServer(db) == 4);
        pools.close();
        assertThat(writes.isClosed()).isTrue();
        assertThat(reads.isClosed()).isTrue();
    }
}
