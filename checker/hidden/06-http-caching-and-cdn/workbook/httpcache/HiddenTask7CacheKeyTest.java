package workbook.httpcache;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/** Hidden: the cache key keeps everything that changes the answer and drops only tracking. */
@Task(7)
class HiddenTask7CacheKeyTest {
    @Test
    void parametersThatOnlyLookLikeTrackingStay() {
        assertThat(key("/search?utmost=1")).as("key of ?utmost=1 (not a utm_ parameter)").isNotEqualTo(key("/search"));
        assertThat(key("/search?q=utm_source")).as("key of ?q=utm_source (a value, not a name)").isNotEqualTo(key("/search"));
        assertThat(key("/search?gclid2=x")).as("key of ?gclid2=x").isNotEqualTo(key("/search"));
    }

    @Test
    void everyTrackingParameterGoesAndTheRestKeepTheirValues() {
        assertThat(key("/products/42?utm_source=a&gclid=b&fbclid=c&utm_medium=d")).as("key of a link with only tracking "
                + "parameters").isEqualTo(key("/products/42"));
        assertThat(key("/search?q=a%26b&page=2")).as("key with an encoded & in a value")
                .isEqualTo(key("/search?page=2&q=a%26b")).isNotEqualTo(key("/search?page=2&q=a"));
        assertThat(key("/search?q=boots&page=2")).as("keys of page 2 and page 3").isNotEqualTo(key("/search?q=boots&page=3"));
        assertThat(key("/a?x=1")).as("keys of two paths with the same query").isNotEqualTo(key("/b?x=1"));
    }

    private static String key(String pathAndQuery) {
        return CacheKey.of(URI.create("http://shop.test" + pathAndQuery));
    }
}
