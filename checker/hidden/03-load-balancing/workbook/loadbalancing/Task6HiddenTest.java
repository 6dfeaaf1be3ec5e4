package workbook.loadbalancing;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

@Task(6)
class Task6HiddenTest {

    private static Pool pool(String name) {
        return Pool.of(name, new RoundRobin(), Server.named(name + "-1"));
    }

    private static String poolName(Optional<Pool> pool) {
        return pool.map(Pool::name).orElse("no pool");
    }

    @Test
    void theHostHeaderMayCarryAPortAndCapitals() {
        Router router = new Router()
                .route("api.example.com", "/", pool("api"))
                .route("www.example.com", "/", pool("www"));

        assertThat(poolName(router.poolFor("API.Example.com:8080", "/users")))
                .as("Host 'API.Example.com:8080': host names are case-insensitive and the port is not part of the name")
                .isEqualTo("api");
    }

    @Test
    void aPrefixMatchesWholePathSegments() {
        Router router = new Router().route(Router.ANY_HOST, "/api", pool("api"));

        assertThat(router.poolFor("example.com", "/apiary/bees"))
                .as("/apiary/bees with a rule for /api: a prefix covers /api and /api/..., not every path that "
                        + "happens to start with the same letters")
                .isEmpty();
        assertThat(poolName(router.poolFor("example.com", "/api"))).as("/api itself").isEqualTo("api");
    }

    @Test
    void atEqualPrefixTheRuleForThisHostBeatsTheRuleForAnyHost() {
        Router router = new Router()
                .route(Router.ANY_HOST, "/", pool("web"))
                .route("api.example.com", "/", pool("api"));

        assertThat(poolName(router.poolFor("api.example.com", "/status")))
                .as("api.example.com/status with rules (any host, '/') then (api.example.com, '/'): the rule that "
                        + "names the host is more specific")
                .isEqualTo("api");
        assertThat(poolName(router.poolFor("www.example.com", "/status"))).as("www.example.com/status").isEqualTo("web");
    }

    @Test
    void aLongerPrefixBeatsANamedHostWithAShorterOne() {
        Router router = new Router()
                .route("api.example.com", "/a", pool("named-short"))
                .route(Router.ANY_HOST, "/a/b", pool("any-long"));

        assertThat(poolName(router.poolFor("api.example.com", "/a/b/c")))
                .as("api.example.com/a/b/c with rules (api.example.com, '/a') then (any host, '/a/b'): the longer "
                        + "prefix is more specific, whatever the host")
                .isEqualTo("any-long");
    }
}

