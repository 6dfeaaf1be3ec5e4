package workbook.restapi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.testing.Task;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static workbook.restapi.Problems.assertProblem;
import static workbook.restapi.Task4PaginationAndSearchTest.ids;
import static workbook.restapi.Task4PaginationAndSearchTest.next;
import static workbook.restapi.Task4PaginationAndSearchTest.titles;

@Task(4)
class HiddenTask4PagesTest {
    @RegisterExtension
    static final Postgres db = Postgres.freshDatabase();
    @RegisterExtension
    final LiveApi api = LiveApi.on(db);

    @Test
    void aFullLastPageHasNoNextLink() {
        api.seed("alice", 20);
        Reply page = api.alice.get("/v1/bookmarks");
        assertThat(ids(page)).as("bookmarks on the page").hasSize(20);
        assertThat(page.header("Link")).as("Link on a page that holds the last of exactly 20 bookmarks").isEmpty();
        api.seed("alice", 1);
        assertThat(next(api.alice.get("/v1/bookmarks"))).as("next link with 21 bookmarks").isPresent();
    }

    @Test
    void theNextLinkKeepsTheFilterTheLimitAndTheFields() {
        for (int i = 0; i < 7; i++) {
            api.create("https://example.com/t" + i, "Tagged " + i, "t");
            api.create("https://example.com/u" + i, "Untagged " + i, "u");
        }
        List<String> seen = new ArrayList<>();
        Optional<String> link = Optional.of("/v2/bookmarks?tag=t&limit=3&fields=title&q=tagged");
        int pages = 0;
        while (link.isPresent() && pages < 6) {
            Reply page = api.alice.get(link.get());
            assertThat(page.status()).as("status of %s", link.get()).isEqualTo(200);
            assertThat(page.json().path("data").path(0).size()).as("members per bookmark on %s", link.get()).isEqualTo(1);
            seen.addAll(titles(page));
            link = next(page);
            link.ifPresent(l -> assertThat(l).as("next link").startsWith("/v2/bookmarks?"));
            pages++;
        }
        assertThat(pages).as("pages of 3 for 7 bookmarks tagged t").isEqualTo(3);
        assertThat(seen).as("titles over all pages of ?tag=t&q=tagged").containsExactly(
                "Tagged 6", "Tagged 5", "Tagged 4", "Tagged 3", "Tagged 2", "Tagged 1", "Tagged 0");
    }

    @Test
    void limitsAtTheEdges() {
        api.seed("alice", 105);
        assertThat(ids(api.alice.get("/v1/bookmarks?limit=1"))).as("bookmarks with ?limit=1").hasSize(1);
        assertThat(ids(api.alice.get("/v1/bookmarks?limit=100"))).as("bookmarks with ?limit=100").hasSize(100);
        assertThat(ids(api.alice.get("/v1/bookmarks?limit=101"))).as("bookmarks with ?limit=101").hasSize(100);
        assertProblem(api.alice.get("/v1/bookmarks?limit=-5"), 400, "?limit=-5");
        assertProblem(api.alice.get("/v1/bookmarks?limit=2.5"), 400, "?limit=2.5");
    }

    @Test
    void cursorsAreTheServersOwn() {
        api.seed("alice", 30);
        assertProblem(api.alice.get("/v1/bookmarks?cursor=25"), 400, "?cursor=25, an id where the sheet asks for an opaque cursor");
        assertProblem(api.alice.get("/v1/bookmarks?cursor=" + base64("[1]")), 400, "a cursor that is base64url of [1]");
        assertProblem(api.alice.get("/v1/bookmarks?cursor=%25%25%25"), 400, "?cursor=%%%");
        Reply first = api.alice.get("/v1/bookmarks?limit=20");
        assertThat(ids(api.alice.get(next(first).orElseThrow()))).as("the page after the first 20 of 30")
                .containsExactly(10L, 9L, 8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L);
        assertThat(ids(api.alice.as("bob").get("/v1/bookmarks"))).as("bob's list: alice's bookmarks are hers").isEmpty();
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
