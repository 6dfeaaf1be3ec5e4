package workbook.deploy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Task 4: feature flags evaluated in process. Each flag is loaded from its source (Redis) and kept
 * for {@code refreshEvery}; after that the next evaluation loads it again, so a change made in
 * Redis (a new percentage, the kill switch) reaches every server without a restart. Evaluation
 * order: kill switch, always-on users, regions, then the percentage, decided by the user's bucket
 * salted with the flag's name so that two flags at 50% pick independent halves of the users.
 */
public final class FeatureFlags {
    private record Cached(Optional<Flag> flag, Instant loadedAt) {
    }

    private final FlagSource source;
    private final Clock clock;
    private final Duration refreshEvery;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public FeatureFlags(FlagSource source, Clock clock, Duration refreshEvery) {
        this.source = source;
        this.clock = clock;
        this.refreshEvery = refreshEvery;
    }

    /** True when this user gets the feature now. An unknown flag is off. */
    public boolean isEnabled(String flagName, User user) {
        return current(flagName).map(flag -> evaluate(flag, user)).orElse(false);
    }

    static boolean evaluate(Flag flag, User user) {
        if (flag.killed()) {
            return false;
        }
        if (flag.alwaysOn().contains(user.id())) {
            return true;
        }
        if (!flag.regions().isEmpty() && !flag.regions().contains(user.region())) {
            return false;
        }
        return Buckets.inFirst(flag.percent(), flag.name(), user.id());
    }

    private Optional<Flag> current(String flagName) {
        Instant now = clock.instant();
        Cached cached = cache.get(flagName);
        if (cached == null || !now.isBefore(cached.loadedAt().plus(refreshEvery))) {
            cached = new Cached(source.load(flagName), now);
            cache.put(flagName, cached);
        }
        return cached.flag();
    }
}
