package workbook.httpcache;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import workbook.labkit.testing.MutableClock;
import workbook.labkit.testing.Task;

import java.net.http.HttpResponse;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The headers the origin sends, read from real responses and parsed as directives (RFC 9111, 5.2). */
@Task(1)
class Task1CachePolicyTest {
    private final MutableClock clock = MutableClock.startingAtEpochMinute();
    private Origin origin;

    @BeforeEach
    void start() {
        origin = Origin.start(clock);
    }

    @AfterEach
    void stop() {
        origin.close();
    }

    @Test
    void hashedStaticAssetsAreKeptForAYearAndNeverRevalidated() {
        CacheControl cc = cacheControlOf(origin.assetPath("app.js"));
        assertThat(cc.seconds("max-age").orElse(-1)).as("max-age of a content-hashed asset (%s): its URL changes with its bytes, "
                + "so a year (31536000 s) is safe", cc).isGreaterThanOrEqualTo(31_536_000);
        assertThat(cc.has("immutable")).as("immutable on a content-hashed asset (%s): browsers then skip the "
                + "revalidation on reload", cc).isTrue();
        assertSharedCacheable(cc, "a content-hashed asset");
    }

    @Test
    void sellerImagesAreSharedButExpire() {
        origin.uploadImage("/images/seller-7/boots.jpg", new byte[] {1, 2, 3});
        CacheControl cc = cacheControlOf("/images/seller-7/boots.jpg");
        assertSharedCacheable(cc, "a seller image");
        assertThat(cc.has("immutable")).as("immutable on a seller image (%s): the seller can replace the photo at the "
                + "same URL, so it is not immutable", cc).isFalse();
        assertThat(sharedLifetime(cc).orElse(-1)).as("shared-cache lifetime of a seller image (%s), seconds: above 0 so the edge "
                + "keeps it, at most a week so a replaced photo shows up even if nobody purges", cc)
                .isBetween(1L, 7 * 86_400L);
    }

    @Test
    void productPagesHaveASharedTtlAndStaleWhileRevalidate() {
        CacheControl cc = cacheControlOf("/products/42");
        assertSharedCacheable(cc, "a public product page");
        assertThat(sharedLifetime(cc).orElse(-1)).as("shared-cache lifetime of a product page (%s), seconds: above 0 so the "
                + "edge keeps it", cc).isPositive();
        assertThat(cc.seconds("stale-while-revalidate").orElse(-1)).as("stale-while-revalidate of a product page (%s): lets the "
                + "edge answer at once after expiry while it refreshes", cc)
                .isPositive();
        assertThat(cc.has("s-maxage")).as("s-maxage on a product page (%s): in a shared cache s-maxage also means "
                + "proxy-revalidate (RFC 9111, 5.2.2.10), so the edge may never serve it stale and "
                + "stale-while-revalidate would do nothing there; give the lifetime with max-age", cc).isFalse();
    }

    @Test
    void theDashboardIsPrivateAndNeverStored() {
        HttpResponse<String> response = Http.get(origin.uri(), "/dashboard", "Authorization", "Bearer alice");
        CacheControl cc = Http.cacheControl(response);
        assertThat(cc.has("private")).as("private on the signed-in dashboard (%s): no shared cache may keep it", cc).isTrue();
        assertThat(cc.has("no-store")).as("no-store on the signed-in dashboard (%s): not even the browser writes it to disk", cc).isTrue();
        assertThat(cc.has("public") || cc.has("s-maxage")).as("public or s-maxage on the dashboard (%s): either one "
                + "invites a CDN to keep one user's page and show it to the next", cc).isFalse();
    }

    @Test
    void searchHasAShortSharedTtl() {
        CacheControl cc = cacheControlOf("/search?q=boots");
        assertSharedCacheable(cc, "product search");
        assertThat(sharedLifetime(cc).orElse(-1)).as("shared-cache lifetime of search results (%s), seconds: above 0 (even 10 s "
                + "saves the origin most of its work) and at most 60 (results change as products change)", cc)
                .isBetween(1L, 60L);
    }

    private CacheControl cacheControlOf(String path) {
        HttpResponse<String> response = Http.get(origin.uri(), path);
        assertThat(response.statusCode()).as("status of GET %s", path).isEqualTo(200);
        CacheControl cc = Http.cacheControl(response);
        assertThat(cc.isEmpty()).as("GET %s came back without Cache-Control: with no header, no cache keeps it and "
                + "every request goes to the origin (CachePolicy.cacheControl)", path).isFalse();
        return cc;
    }

    private static void assertSharedCacheable(CacheControl cc, String what) {
        assertThat(cc.has("private")).as("private on %s (%s): it is the same for everyone, so a CDN should keep it", what, cc).isFalse();
        assertThat(cc.has("no-store")).as("no-store on %s (%s): nothing could keep it", what, cc).isFalse();
        assertThat(cc.has("no-cache")).as("no-cache on %s (%s): every use would go back to the origin", what, cc).isFalse();
    }

    /** What a shared cache uses: s-maxage, else max-age. */
    static OptionalLong sharedLifetime(CacheControl cc) {
        return cc.seconds("s-maxage").isPresent() ? cc.seconds("s-maxage") : cc.seconds("max-age");
    }
}
