package workbook.httpcache;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import workbook.labkit.testing.MutableClock;
import workbook.labkit.testing.Task;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

@Task(2)
class Task2ConditionalRequestsTest {
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
    void aStrongEtagComesFromTheContent() {
        String etag = Validators.strongEtag("boots");
        assertThat(etag).as("a strong ETag is a quoted string without the W/ prefix").matches("\"[^\"]+\"");
        assertThat(Validators.strongEtag("boots")).as("ETag of the same content twice").isEqualTo(etag);
        assertThat(Validators.strongEtag("socks")).as("ETag of different content").isNotEqualTo(etag);

        String searchEtag = etagOf(Http.get(origin.uri(), "/search?q=boots"), "/search?q=boots");
        assertThat(searchEtag).as("ETag of search results: strong (no W/), quoted").matches("\"[^\"]+\"");
        assertThat(etagOf(Http.get(origin.uri(), "/search?q=boots"), "/search?q=boots")).as("ETag of the same search twice").isEqualTo(searchEtag);
        assertThat(etagOf(Http.get(origin.uri(), "/search?q=socks"), "/search?q=socks")).as("ETag of another search").isNotEqualTo(searchEtag);
    }

    @Test
    void aMatchingIfNoneMatchGets304WithNoBody() {
        HttpResponse<String> ok = Http.get(origin.uri(), "/search?q=boots");
        String etag = etagOf(ok, "/search?q=boots");
        HttpResponse<String> response = Http.get(origin.uri(), "/search?q=boots", "If-None-Match", etag);
        assertThat(response.statusCode()).as("status for If-None-Match: %s, the client's copy is current", etag).isEqualTo(304);
        assertThat(response.body()).as("body of a 304: the point is that nothing is sent again").isEmpty();
        assertCarriesWhatThe200Carried(response, ok, "a search 304");
    }

    @Test
    void ifNoneMatchUsesWeakComparisonListsAndStar() {
        String etag = etagOf(Http.get(origin.uri(), "/search?q=boots"), "/search?q=boots");
        assertThat(statusFor("W/" + etag)).as("If-None-Match: W/%s: If-None-Match always compares weakly (RFC 9110, 13.1.2), so W/ does not matter", etag).isEqualTo(304);
        assertThat(statusFor("\"old\", " + etag)).as("If-None-Match with a list in which the current tag is second").isEqualTo(304);
        assertThat(statusFor("*")).as("If-None-Match: * (any current version)").isEqualTo(304);
        HttpResponse<String> changed = Http.get(origin.uri(), "/search?q=boots", "If-None-Match", "\"old\"");
        assertThat(changed.statusCode()).as("If-None-Match with an old tag: the client needs the new version").isEqualTo(200);
        assertThat(changed.body()).as("body of that 200").isNotEmpty();
    }

    @Test
    void aProductPage304DoesNotRenderThePage() {
        HttpResponse<String> first = Http.get(origin.uri(), "/products/42");
        String etag = etagOf(first, "/products/42");
        String lastModified = first.headers().firstValue("Last-Modified").orElse(null);
        assertThat(lastModified).as("Last-Modified on a product page").isNotNull();
        long renders = origin.renders();

        HttpResponse<String> notModified = Http.get(origin.uri(), "/products/42", "If-None-Match", etag);
        assertThat(notModified.statusCode()).as("status for If-None-Match with the current tag").isEqualTo(304);
        assertCarriesWhatThe200Carried(notModified, first, "a product page 304");
        assertThat(Http.get(origin.uri(), "/products/42", "If-Modified-Since", lastModified).statusCode())
                .as("status for If-Modified-Since: %s, the page has not changed since", lastModified).isEqualTo(304);
        assertThat(origin.renders() - renders).as("pages rendered to answer two 304s: the version is known without "
                + "rendering, so check the validators before rendering").isZero();

        clock.advance(Duration.ofSeconds(5));
        origin.updateProduct(42);
        HttpResponse<String> afterEdit = Http.get(origin.uri(), "/products/42", "If-None-Match", etag);
        assertThat(afterEdit.statusCode()).as("status for the old ETag after the product changed").isEqualTo(200);
        assertThat(afterEdit.body()).as("the new page").contains("version 2");
        assertThat(Http.get(origin.uri(), "/products/42", "If-Modified-Since", lastModified).statusCode())
                .as("status for If-Modified-Since before the edit").isEqualTo(200);
    }

    /** RFC 9110, 15.4.5: a 304 sends the ETag and Cache-Control a 200 would, so caches can refresh their copy. */
    private static void assertCarriesWhatThe200Carried(HttpResponse<String> notModified, HttpResponse<String> ok, String what) {
        for (String header : new String[] {"ETag", "Cache-Control"}) {
            assertThat(notModified.headers().firstValue(header)).as("%s on %s: a 304 carries the %s the 200 carried, "
                    + "so that a cache refreshing its copy gets it", header, what, header)
                    .isEqualTo(ok.headers().firstValue(header));
        }
    }

    private int statusFor(String ifNoneMatch) {
        return Http.get(origin.uri(), "/search?q=boots", "If-None-Match", ifNoneMatch).statusCode();
    }

    private static String etagOf(HttpResponse<String> response, String path) {
        assertThat(response.statusCode()).as("status of GET %s", path).isEqualTo(200);
        String etag = response.headers().firstValue("ETag").orElse(null);
        assertThat(etag).as("ETag header on GET %s: without a validator no cache can ever revalidate", path).isNotNull();
        return etag;
    }
}
