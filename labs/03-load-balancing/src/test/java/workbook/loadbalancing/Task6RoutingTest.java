package workbook.loadbalancing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

@Task(6)
class Task6RoutingTest {
    static TestBackend apiBackend;
    static TestBackend staticBackend;
    static TestBackend wwwBackend;

    @BeforeAll
    static void startBackends() {
        apiBackend = TestBackend.start("api-server");
        staticBackend = TestBackend.start("static-server");
        wwwBackend = TestBackend.start("www-server");
    }

    @AfterAll
    static void stopBackends() {
        for (TestBackend backend : new TestBackend[]{apiBackend, staticBackend, wwwBackend}) {
            if (backend != null) {
                backend.close();
            }
        }
    }

    private static Pool pool(String name) {
        return Pool.of(name, new RoundRobin(), Server.named(name + "-1"));
    }

    private static String poolName(Optional<Pool> pool) {
        return pool.map(Pool::name).orElse("no pool");
    }

    @Test
    void pathRulesSendApiAndStaticRequestsToTheirPools() {
        Pool api = pool("api");
        Pool assets = pool("static");
        Router router = new Router()
                .route(Router.ANY_HOST, "/api", api)
                .route(Router.ANY_HOST, "/static", assets);

        assertThat(poolName(router.poolFor("example.com", "/api/users/42"))).as("pool for /api/users/42").isEqualTo("api");
        assertThat(poolName(router.poolFor("example.com", "/static/app.js"))).as("pool for /static/app.js").isEqualTo("static");
        assertThat(router.poolFor("example.com", "/checkout"))
                .as("pool for /checkout, which no rule covers: none, so that the proxy can answer 404")
                .isEmpty();
    }

    @Test
    void hostRulesSeparateApiExampleComFromWwwExampleCom() {
        Router router = new Router()
                .route("api.example.com", "/", pool("api"))
                .route("www.example.com", "/", pool("www"));

        assertThat(poolName(router.poolFor("api.example.com", "/users"))).as("pool for api.example.com/users").isEqualTo("api");
        assertThat(poolName(router.poolFor("www.example.com", "/users"))).as("pool for www.example.com/users").isEqualTo("www");
        assertThat(router.poolFor("shop.example.com", "/users")).as("pool for a host no rule names").isEmpty();
    }

    @Test
    void theLongestMatchingPrefixWinsWhateverTheOrderOfTheRules() {
        Router router = new Router()
                .route(Router.ANY_HOST, "/", pool("web"))
                .route(Router.ANY_HOST, "/api", pool("api-v1"))
                .route(Router.ANY_HOST, "/api/v2", pool("api-v2"));

        assertThat(poolName(router.poolFor("example.com", "/api/v2/orders")))
                .as("pool for /api/v2/orders with rules '/', '/api' and '/api/v2' added in that order: the longest "
                        + "matching prefix wins; taking the first rule that matches would send everything to '/'")
                .isEqualTo("api-v2");
        assertThat(poolName(router.poolFor("example.com", "/api/v1/orders"))).as("pool for /api/v1/orders").isEqualTo("api-v1");
        assertThat(poolName(router.poolFor("example.com", "/about"))).as("pool for /about").isEqualTo("web");
    }

    @Test
    void theProxyRoutesByHostAndPathAndAnswers404WhenNoRuleMatches() {
        Pool api = Pool.of("api", new RoundRobin(), Server.at("api-server", apiBackend.uri()));
        Pool assets = Pool.of("static", new RoundRobin(), Server.at("static-server", staticBackend.uri()));
        Pool www = Pool.of("www", new RoundRobin(), Server.at("www-server", wwwBackend.uri()));
        Router router = new Router()
                .route(Router.ANY_HOST, "/api", api)
                .route(Router.ANY_HOST, "/static", assets)
                .route("api.example.com", "/", api)
                .route("www.example.com", "/", www);
        router.poolFor("www.example.com", "/"); // fails here with Task 6's message if the router is not done yet

        try (ReverseProxy proxy = ReverseProxy.start(router)) {
            assertThat(Http.get(proxy.uri(), "www.example.com", "/index.html").body())
                    .as("www.example.com/index.html goes to the www pool").isEqualTo("www-server");
            assertThat(Http.get(proxy.uri(), "www.example.com", "/static/app.js").body())
                    .as("www.example.com/static/app.js: '/static' is a longer prefix than '/', so the static pool")
                    .isEqualTo("static-server");
            assertThat(Http.get(proxy.uri(), "api.example.com", "/users/7").body())
                    .as("api.example.com/users/7 goes to the api pool").isEqualTo("api-server");

            Http.Reply unknown = Http.get(proxy.uri(), "shop.example.com", "/cart");
            assertThat(unknown.status())
                    .as("status for shop.example.com/cart, which no rule covers (%s): 404, with a body that says "
                            + "what was not found", unknown)
                    .isEqualTo(404);
            assertThat(unknown.body()).as("the 404 body should name the host and path that had no route")
                    .contains("shop.example.com").contains("/cart");
        }
    }

    @Test
    void theProxyAnswers502WhenEveryBackendOfThePoolIsDown() {
        TestBackend gone = TestBackend.start("gone");
        Server goneServer = Server.at("gone", gone.uri());
        gone.close(); // nothing listens on its port any more: connections are refused
        Pool api = new Pool("api", new RoundRobin(), 2, java.util.List.of(goneServer));
        Router router = new Router().route(Router.ANY_HOST, "/api", api);
        router.poolFor("localhost", "/api"); // fails here with Task 6's message if the router is not done yet

        try (ReverseProxy proxy = ReverseProxy.start(router)) {
            for (int i = 1; i <= 4; i++) {
                Http.Reply reply = Http.get(proxy.uri(), "localhost", "/api/orders");
                assertThat(reply.status())
                        .as("request %d to a pool whose only backend is down (%s): the proxy must answer 502 Bad "
                                + "Gateway, before and after the backend is ejected, never hang or drop the connection", i, reply)
                        .isEqualTo(502);
                assertThat(reply.body()).as("the 502 body should name the pool that has no live backend").contains("api");
            }
        }
    }
}
