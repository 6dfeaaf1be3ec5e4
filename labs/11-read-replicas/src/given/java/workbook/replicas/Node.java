package workbook.replicas;

import javax.sql.DataSource;

/** One PostgreSQL server of the cluster, by name ("primary", "standby1", ...) with a pool to it. */
public record Node(String name, DataSource dataSource) {
    @Override
    public String toString() {
        return name;
    }
}
