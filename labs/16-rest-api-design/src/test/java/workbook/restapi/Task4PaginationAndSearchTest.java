package workbook.restapi;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.testing.Task;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static workbook.restapi.Problems.assertProblem;

@Task(4)
class Task4PaginationAndSearchTest {
    private static final Pattern NEXT = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"?next\"?");
    @RegisterExtension
    static final Postgres db = Postgres.freshDatabase();
    @RegisterExtension
    final LiveApi api = LiveApi.on(db);

    @Test
    void pagesOf20NewestFirstLinkedByRelNext() {
        List<Long> seeded = api.seed("alice", 45);
        Reply first = api.alice.get("/v1/bookmarks");
        assertThat(first.status()).as("status of GET /v1/bookmarks").isEqualTo(200);
        assertThat(ids(first)).as("bookmarks on the first page of a list of 45 without ?limit: a list endpoint pages "
                + "by default (20), it never returns everything").hasSize(20);
        List<Long> all = new ArrayList<>(ids(first));
        Optional<String> next = next(first);
        int pages = 1;
        while (next.isPresent() && pages < 10) {
            Reply page = api.alice.get(next.get());
            assertThat(page.status()).as("status of the next link %s", next.get()).isEqualTo(200);
            all.addAll(ids(page));
            next = next(page);
            pages++;
        }
        assertThat(pages).as("pages for 45 bookmarks, 20 a page, following Link: <...>; rel=\"next\" until there is none").isEqualTo(3);
        List<Long> newestFirst = new ArrayList<>(seeded);
        newestFirst.sort(Comparator.reverseOrder());
        assertThat(all).as("ids over all pages: each bookmark once, newest first").isEqualTo(newestFirst);
    }

    @Test
    void aBookmarkAddedWhileReadingShiftsNothing() {
        api.seed("alice", 30);
        Reply first = api.alice.get("/v1/bookmarks?limit=10");
        List<Long> firstIds = ids(first);
        api.seed("alice", 5); // five newer bookmarks arrive between the two pages
        Reply second = api.alice.get(next(first).orElseThrow(() -> new AssertionError(
                "no Link: <...>; rel=\"next\" on a first page of 10 out of 30 (" + first.summary() + ")")));
        List<Long> secondIds = ids(second);
        assertThat(secondIds).as("second page after 5 inserts: an OFFSET would show 5 bookmarks of page 1 again; "
                + "a cursor continues right after the last one seen").doesNotContainAnyElementsOf(firstIds)
                .hasSize(10).allMatch(id -> id < firstIds.get(9));
        assertThat(secondIds.get(0)).as("first id on page 2: the one right after page 1's last").isEqualTo(firstIds.get(9) - 1);
    }

    @Test
    void thePageSizeIsBounded() {
        api.seed("alice", 130);
        Reply huge = api.alice.get("/v1/bookmarks?limit=100000");
        assertThat(ids(huge)).as("bookmarks on one page with ?limit=100000: the server caps a page at 100").hasSize(100);
        assertProblem(api.alice.get("/v1/bookmarks?limit=0"), 400, "a list with ?limit=0");
    }

    @Test
    void searchIsQueryParametersOfTheList() {
        api.create("https://www.postgresql.org/docs/current/indexes.html", "Indexes", "db", "postgres");
        api.create("https://redis.io/docs/latest/commands/set/", "Redis SET", "db", "cache");
        api.create("https://openjdk.org/jeps/444", "Virtual threads", "java");
        assertThat(titles(api.alice.get("/v1/bookmarks?tag=db"))).as("titles listed with ?tag=db")
                .containsExactly("Redis SET", "Indexes");
        assertThat(titles(api.alice.get("/v1/bookmarks?q=THREADS"))).as("titles listed with ?q=THREADS (a keyword, any case, "
                + "in title, description or URL)").containsExactly("Virtual threads");
        assertThat(titles(api.alice.get("/v1/bookmarks?tag=db&q=postgresql"))).as("titles listed with ?tag=db&q=postgresql")
                .containsExactly("Indexes");
    }

    static List<Long> ids(Reply reply) {
        List<Long> ids = new ArrayList<>();
        data(reply).forEach(bookmark -> ids.add(bookmark.path("id").asLong()));
        return ids;
    }

    static List<String> titles(Reply reply) {
        List<String> titles = new ArrayList<>();
        data(reply).forEach(bookmark -> titles.add(bookmark.path("title").asText()));
        return titles;
    }

    private static JsonNode data(Reply reply) {
        JsonNode data = reply.json().path("data");
        assertThat(data.isArray()).as("a list answers {\"data\": [...]}: %s", reply.summary()).isTrue();
        return data;
    }

    static Optional<String> next(Reply reply) {
        Matcher link = NEXT.matcher(reply.header("Link").orElse(""));
        return link.find() ? Optional.of(link.group(1)) : Optional.empty();
    }
}
