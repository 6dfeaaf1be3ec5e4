package workbook.deploy;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.MutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.providers.memory.Flag;
import dev.openfeature.sdk.providers.memory.InMemoryProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Task 4's contract through the OpenFeature Java SDK: the application asks a {@link Client} for a
 * boolean with an evaluation context (the targeting key is the user id, "region" an attribute); the
 * provider holds the flags. The in-memory provider stands where flagd, Unleash or LaunchDarkly would
 * be: its context evaluator does the targeting and the per-flag salted bucketing they do, and
 * {@code updateFlag} changes a flag in a running application, as a flag service's stream would.
 */
@Task(4)
class OpenFeatureFlagsContractTest {
    static final int USERS = 100_000;

    private InMemoryProvider provider;
    private Client client;

    /** A rollout to {@code percent} of users, always on for some, limited to some regions when any are given. */
    static Flag<Boolean> rollout(String name, double percent, Set<String> alwaysOn, Set<String> regions) {
        return Flag.<Boolean>builder()
                .variant("on", true)
                .variant("off", false)
                .defaultVariant("off")
                .contextEvaluator((flag, context) -> {
                    String id = context.getTargetingKey();
                    if (alwaysOn.contains(id)) {
                        return true;
                    }
                    String region = context.getValue("region") == null ? "" : context.getValue("region").asString();
                    if (!regions.isEmpty() && !regions.contains(region)) {
                        return false;
                    }
                    return Buckets.inFirst(percent, name, id);
                })
                .build();
    }

    static EvaluationContext user(String id, String region) {
        return new MutableContext(id).add("region", region);
    }

    @BeforeEach
    void start() throws Exception {
        provider = new InMemoryProvider(Map.of(
                "new-checkout", rollout("new-checkout", 50, Set.of(), Set.of()),
                "new-search", rollout("new-search", 50, Set.of(), Set.of()),
                "eu-beta", rollout("eu-beta", 0, Set.of("staff-1"), Set.of("eu"))));
        OpenFeatureAPI.getInstance().setProviderAndWait("lab-20", provider);
        client = OpenFeatureAPI.getInstance().getClient("lab-20");
    }

    @Test
    void sharesAreWithinOnePercentAndTwoFlagsAreIndependent() {
        int checkout = 0;
        int both = 0;
        for (int i = 0; i < USERS; i++) {
            EvaluationContext user = user("user-" + i, "eu");
            boolean a = client.getBooleanValue("new-checkout", false, user);
            boolean b = client.getBooleanValue("new-search", false, user);
            checkout += a ? 1 : 0;
            both += a && b ? 1 : 0;
        }
        assertThat(checkout).as("users (of %d) with a flag at 50%%", USERS).isBetween(49_000, 51_000);
        assertThat(both).as("users with both flags at 50%%: a quarter if the buckets are salted per flag")
                .isBetween(24_000, 26_000);
    }

    @Test
    void aUserNeverFlipsAndTheSameUserGetsTheSameAnswerAsTheLabsFlags() {
        for (int i = 0; i < 2000; i++) {
            String id = "user-" + i;
            boolean first = client.getBooleanValue("new-checkout", false, user(id, "eu"));
            assertThat(client.getBooleanValue("new-checkout", false, user(id, "eu"))).as("%s asked twice", id)
                    .isEqualTo(first);
            assertThat(first).as("%s: OpenFeature and the lab's FeatureFlags", id)
                    .isEqualTo(FeatureFlags.evaluate(workbook.deploy.Flag.rollout("new-checkout", 50), new User(id, "eu")));
        }
    }

    @Test
    void targetingAndAKillSwitchWithoutARestart() {
        assertThat(client.getBooleanValue("eu-beta", false, user("staff-1", "us"))).as("an always-on user").isTrue();
        assertThat(client.getBooleanValue("eu-beta", false, user("user-1", "eu"))).as("another user at 0%%").isFalse();
        int on = 0;
        for (int i = 0; i < 1000; i++) {
            on += client.getBooleanValue("new-checkout", false, user("user-" + i, "eu")) ? 1 : 0;
        }
        assertThat(on).isBetween(400, 600);
        provider.updateFlag("new-checkout", Flag.<Boolean>builder()
                .variant("on", true).variant("off", false).defaultVariant("off").disabled(true).build());
        FlagEvaluationDetails<Boolean> killed = client.getBooleanDetails("new-checkout", false, user("user-1", "eu"));
        assertThat(killed.getValue()).as("a disabled flag (the kill switch) in the running application").isFalse();
        for (int i = 0; i < 1000; i++) {
            assertThat(client.getBooleanValue("new-checkout", false, user("user-" + i, "eu"))).as("user-%d after the kill", i)
                    .isFalse();
        }
        System.out.printf("[OpenFeature] kill switch: reason %s%n", killed.getReason());
    }
}
