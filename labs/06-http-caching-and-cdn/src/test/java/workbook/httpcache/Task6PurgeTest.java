package workbook.httpcache;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import workbook.labkit.testing.MutableClock;
import workbook.labkit.testing.Task;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@Task(6)
class Task6PurgeTest {
    private final MutableClock clock = MutableClock.startingAtEpochMinute();
    private final ScriptedOrigin scripted = ScriptedOrigin.start();
    private final Edge shield = Edge.start("shield", scripted.uri(), clock);
    private final List<Edge> edges = new ArrayList<>();

    @AfterEach
    void stop() {
        edges.forEach(Edge::close);
        shield.close();
        scripted.close();
    }

    @Test
    void purgeByTagRemovesEveryVariantOfEveryTaggedPageEverywhere() {
        for (int i = 0; i < 3; i++) {
            edges.add(Edge.start("edge-" + i, shield.uri(), clock));
        }
        serveVersion("v1");
        for (Edge edge : edges) {
            for (String language : List.of("en", "de")) {
                Http.get(edge.uri(), "/products/42", "Accept-Language", language);
            }
            Http.get(edge.uri(), "/products/42/reviews");
            Http.get(edge.uri(), "/products/7");
        }
        serveVersion("v2"); // product 42 changed; nothing has expired (s-maxage=3600)

        assertThat(shield.purge("product-42")).as("responses the shield removed for tag product-42: 2 language "
                + "variants of /products/42 and /products/42/reviews").isEqualTo(3);
        for (Edge edge : edges) {
            assertThat(edge.purge("product-42")).as("responses %s removed for tag product-42", edge.name()).isEqualTo(3);
        }

        for (Edge edge : edges) {
            for (String language : List.of("en", "de")) {
                HttpResponse<String> page = Http.get(edge.uri(), "/products/42", "Accept-Language", language);
                assertThat(page.body()).as("/products/42 (%s) at %s after the purge, X-Cache: %s", language, edge.name(),
                        Http.cacheStatus(page)).isEqualTo("v2 product 42 in " + language);
            }
            assertThat(Http.get(edge.uri(), "/products/42/reviews").body()).as("reviews of 42 at %s after the purge", edge.name())
                    .isEqualTo("v2 reviews of 42");
            HttpResponse<String> other = Http.get(edge.uri(), "/products/7");
            assertThat(Http.cacheStatus(other)).as("X-Cache of /products/7 at %s: its tag was not purged", edge.name()).isEqualTo("HIT");
        }
        assertThat(scripted.fetches("/products/42")).as("origin fetches of /products/42: 2 languages before the purge, "
                + "2 after (the shield fetched once per language for all 3 edges)").isEqualTo(4);
    }

    @Test
    void versionedAssetUrlsNeverNeedAPurge() {
        try (Origin origin = Origin.start(clock); Edge edge = Edge.start("edge", origin.uri(), clock)) {
            String v1 = origin.assetPath("app.js");
            Http.get(edge.uri(), v1);
            String v2 = origin.deployAsset("app.js", "console.log('shop v2');");
            assertThat(v2).as("path of the new version of app.js").isNotEqualTo(v1);

            edge.purge("products"); // a product purge must leave the assets alone
            HttpResponse<String> fresh = Http.get(edge.uri(), v2);
            assertThat(fresh.body()).as("the new version at its new URL, with no purge at all").contains("v2");
            HttpResponse<String> old = Http.get(edge.uri(), v1);
            assertThat(Http.cacheStatus(old)).as("X-Cache of the old version (pages still linking to it keep working)").isEqualTo("HIT");
            assertThat(old.body()).contains("v1");
        }
    }

    private void serveVersion(String version) {
        String tags = "product-42 products";
        scripted.serve("/products/42", version + " product 42 in {Accept-Language}",
                "Cache-Control", "s-maxage=3600", "Vary", "Accept-Language", "Surrogate-Key", tags);
        scripted.serve("/products/42/reviews", version + " reviews of 42", "Cache-Control", "s-maxage=3600", "Surrogate-Key", tags);
        scripted.serve("/products/7", version + " product 7", "Cache-Control", "s-maxage=3600", "Surrogate-Key", "product-7 products");
    }
}
