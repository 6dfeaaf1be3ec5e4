package workbook.httpcache;

import org.junit.jupiter.api.Test;
import workbook.labkit.testing.Task;

import static org.assertj.core.api.Assertions.assertThat;

/** Hidden: the product page's header must let a shared cache serve it stale, as Task 4 needs. */
@Task(1)
class HiddenTask1PolicyTest {
    @Test
    void aProductPageMayBeServedStaleByASharedCache() {
        CacheControl cc = CacheControl.parse(CachePolicy.cacheControl(Content.PRODUCT_PAGE));
        for (String forbidsStale : new String[] {"must-revalidate", "proxy-revalidate", "no-cache", "s-maxage"}) {
            assertThat(cc.has(forbidsStale)).as("%s on a product page (%s): it forbids a shared cache to serve the page "
                    + "stale, so stale-while-revalidate would never apply (RFC 9111, 4.2.4)", forbidsStale, cc).isFalse();
        }
        assertThat(cc.seconds("max-age").orElse(0)).as("max-age of a product page (%s): the lifetime every cache uses", cc)
                .isPositive();
    }

    @Test
    void theDashboardGivesNoCacheALifetime() {
        CacheControl cc = CacheControl.parse(CachePolicy.cacheControl(Content.DASHBOARD));
        assertThat(cc.seconds("s-maxage").isPresent()).as("s-maxage on the dashboard (%s)", cc).isFalse();
        assertThat(cc.has("public")).as("public on the dashboard (%s)", cc).isFalse();
    }
}
