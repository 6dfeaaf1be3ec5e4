package workbook.httpcache;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import workbook.labkit.testing.MutableClock;
import workbook.labkit.testing.Task;

import static org.assertj.core.api.Assertions.assertThat;

/** Hidden: purge matches whole tags and counts what it removed. */
@Task(6)
class HiddenTask6PurgeTest {
    private final MutableClock clock = MutableClock.startingAtEpochMinute();
    private final ScriptedOrigin scripted = ScriptedOrigin.start();
    private final Edge edge = Edge.start("edge", scripted.uri(), clock);

    @AfterEach
    void stop() {
        edge.close();
        scripted.close();
    }

    @Test
    void aTagIsMatchedWholeNotAsAPrefixOrSubstring() {
        scripted.serve("/products/4", "p4", "Cache-Control", "max-age=600", "Surrogate-Key", "product-4");
        scripted.serve("/products/42", "p42", "Cache-Control", "max-age=600", "Surrogate-Key", "product-42   products");
        Http.get(edge.uri(), "/products/4");
        Http.get(edge.uri(), "/products/42");
        assertThat(edge.purge("product-4")).as("responses removed by purge(\"product-4\"): /products/42 is tagged "
                + "product-42, another tag").isEqualTo(1);
        assertThat(Http.cacheStatus(Http.get(edge.uri(), "/products/42"))).as("X-Cache of /products/42 after purging "
                + "product-4").isEqualTo("HIT");
        assertThat(edge.purge("products")).as("responses removed by purge(\"products\") (tags separated by several spaces)")
                .isEqualTo(1);
        assertThat(edge.purge("products")).as("a second purge of the same tag").isZero();
        assertThat(edge.purge("nothing-has-this")).as("purge of a tag nobody carries").isZero();
    }

    @Test
    void purgeCountsEveryVariant() {
        scripted.serve("/hello", "hello {Accept-Language}", "Cache-Control", "max-age=600", "Vary", "Accept-Language",
                "Surrogate-Key", "greeting");
        for (String language : new String[] {"en", "de", "fr"}) {
            Http.get(edge.uri(), "/hello", "Accept-Language", language);
        }
        assertThat(edge.purge("greeting")).as("responses removed: three language variants of /hello").isEqualTo(3);
        assertThat(Http.cacheStatus(Http.get(edge.uri(), "/hello", "Accept-Language", "de"))).as("X-Cache for de after the purge")
                .isEqualTo("MISS");
    }
}
