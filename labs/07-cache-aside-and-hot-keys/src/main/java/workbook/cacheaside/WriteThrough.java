package workbook.cacheaside;

import io.lettuce.core.api.sync.RedisCommands;

import java.sql.SQLException;
import java.time.Duration;

/** Write-through: every save writes the database and then the cache, before it returns. */
public class WriteThrough {

    public WriteThrough(ProductStore store, RedisCommands<String, String> redis, Duration ttl) {
    }

    public void save(Product product) throws SQLException {
        throw new UnsupportedOperationException("Task 4: save the row, then write it to Redis with the TTL");
    }
}
