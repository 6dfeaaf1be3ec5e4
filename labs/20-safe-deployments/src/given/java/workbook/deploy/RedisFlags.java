package workbook.deploy;

import io.lettuce.core.api.sync.RedisCommands;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Flags in Redis, one hash per flag ({@code flag:<name>} with fields killed, percent, alwaysOn and
 * regions, the two sets comma-separated). {@link #save} is the flag admin's write; {@link #load} is
 * one HGETALL.
 */
public final class RedisFlags implements FlagSource {
    private final RedisCommands<String, String> redis;

    public RedisFlags(RedisCommands<String, String> redis) {
        this.redis = redis;
    }

    public void save(Flag flag) {
        redis.hset("flag:" + flag.name(), Map.of(
                "killed", Boolean.toString(flag.killed()),
                "percent", Double.toString(flag.percent()),
                "alwaysOn", String.join(",", flag.alwaysOn()),
                "regions", String.join(",", flag.regions())));
    }

    @Override
    public Optional<Flag> load(String name) {
        Map<String, String> fields = redis.hgetall("flag:" + name);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Flag(name, Boolean.parseBoolean(fields.get("killed")),
                Double.parseDouble(fields.getOrDefault("percent", "0")),
                set(fields.get("alwaysOn")), set(fields.get("regions"))));
    }

    private static Set<String> set(String joined) {
        if (joined == null || joined.isEmpty()) {
            return Set.of();
        }
        return Arrays.stream(joined.split(",")).collect(Collectors.toSet());
    }
}
