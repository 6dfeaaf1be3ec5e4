package workbook.httpcache;

import org.apache.hc.client5.http.cache.CacheResponseStatus;
import org.apache.hc.client5.http.cache.HttpCacheContext;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.cache.CacheConfig;
import org.apache.hc.client5.http.impl.cache.CachingHttpClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import workbook.labkit.testing.MutableClock;
import workbook.labkit.testing.Task;

import java.io.IOException;
import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production twin of the lab's edge: Apache HttpClient 5's caching module in shared-cache mode
 * (an RFC 9111 cache, as a CDN edge is) in front of the lab's origin and the solution's headers.
 * It makes the same decisions Task 3 asks of {@link Edge}.
 */
@Task(3)
class HttpClientCacheTwinTest {
    private final Origin origin = Origin.start(MutableClock.startingAtEpochMinute());
    private final ScriptedOrigin scripted = ScriptedOrigin.start();
    private final CloseableHttpClient sharedCache = CachingHttpClients.custom()
            .setCacheConfig(CacheConfig.custom().setSharedCache(true).build())
            .build();

    @AfterEach
    void stop() throws IOException {
        sharedCache.close();
        origin.close();
        scripted.close();
    }

    @Test
    void keepsTheProductPageAndNeverTheDashboard() throws IOException {
        assertThat(get(origin.uri(), "/products/42", null).status).isEqualTo(CacheResponseStatus.CACHE_MISS);
        assertThat(get(origin.uri(), "/products/42", null).status).as("second GET of a product page (%s)",
                CachePolicy.cacheControl(Content.PRODUCT_PAGE)).isEqualTo(CacheResponseStatus.CACHE_HIT);
        assertThat(origin.fetches("/products/42")).isEqualTo(1);

        assertThat(get(origin.uri(), "/dashboard", "Bearer alice").body).contains("alice");
        assertThat(get(origin.uri(), "/dashboard", "Bearer bob").body).as("Bob's dashboard through a shared cache")
                .contains("bob");
        assertThat(origin.fetches("/dashboard")).isEqualTo(2);
    }

    @Test
    void sharesAnAuthorizedResponseOnlyWhenTheOriginAllowsIt() throws IOException {
        scripted.serve("/account", "account of {Authorization}", "Cache-Control", "max-age=60");
        scripted.serve("/catalogue", "catalogue", "Cache-Control", "public, max-age=60");
        get(scripted.uri(), "/account", "Bearer alice");
        assertThat(get(scripted.uri(), "/account", "Bearer bob").body).as("what Bob got for /account (max-age=60 only)")
                .isEqualTo("account of Bearer bob");
        get(scripted.uri(), "/catalogue", "Bearer alice");
        assertThat(get(scripted.uri(), "/catalogue", "Bearer bob").status).as("second user's GET of /catalogue (public)")
                .isEqualTo(CacheResponseStatus.CACHE_HIT);
    }

    private record Result(CacheResponseStatus status, String body) {
    }

    private Result get(URI server, String path, String authorization) throws IOException {
        HttpGet request = new HttpGet(server.resolve(path));
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        HttpCacheContext context = HttpCacheContext.create();
        String body = sharedCache.execute(request, context, response -> EntityUtils.toString(response.getEntity()));
        return new Result(context.getCacheResponseStatus(), body);
    }
}
