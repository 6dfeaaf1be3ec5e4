package workbook.deploy;

import java.util.Set;

/**
 * A feature flag as stored in Redis.
 *
 * @param name     the flag's name (also the salt of its percentage rollout)
 * @param killed   the kill switch: when true the flag is off for everyone, whatever the other fields say
 * @param percent  share of users who get the feature, 0 to 100 (12.5 is allowed)
 * @param alwaysOn user ids who get the feature whatever the percentage (staff, beta testers)
 * @param regions  when not empty, only users in one of these regions can get the feature
 */
public record Flag(String name, boolean killed, double percent, Set<String> alwaysOn, Set<String> regions) {
    public Flag {
        alwaysOn = Set.copyOf(alwaysOn);
        regions = Set.copyOf(regions);
    }

    public static Flag rollout(String name, double percent) {
        return new Flag(name, false, percent, Set.of(), Set.of());
    }

    public Flag withPercent(double newPercent) {
        return new Flag(name, killed, newPercent, alwaysOn, regions);
    }

    public Flag withKilled(boolean newKilled) {
        return new Flag(name, newKilled, percent, alwaysOn, regions);
    }
}
