package workbook.pagination;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.fail;

/** Following cursors the way a client does, and checking what came back. */
final class Walks {
    private Walks() {
    }

    /** Follows nextCursor from the first page until it is null (at most maxPages, so a loop cannot hang). */
    static List<Page> forward(PostPager pager, PageRequest first, int maxPages, Consumer<Page> afterEachPage) {
        return follow(pager, first, maxPages, afterEachPage, Page::nextCursor);
    }

    static List<Page> forward(PostPager pager, PageRequest first, int maxPages) {
        return forward(pager, first, maxPages, page -> { });
    }

    /** Follows previousCursor from a page's previous cursor until it is null. */
    static List<Page> backward(PostPager pager, PageRequest from, int maxPages, Consumer<Page> afterEachPage) {
        return follow(pager, from, maxPages, afterEachPage, Page::previousCursor);
    }

    private static List<Page> follow(PostPager pager, PageRequest request, int maxPages, Consumer<Page> afterEachPage,
                                     Function<Page, String> cursor) {
        List<Page> pages = new ArrayList<>();
        while (true) {
            Page page = pager.list(request);
            pages.add(page);
            afterEachPage.accept(page);
            String next = cursor.apply(page);
            if (next == null) {
                return pages;
            }
            if (pages.size() >= maxPages) {
                fail("still not at the end after " + maxPages + " pages (a cursor that leads back to a page "
                        + "already seen loops for ever); the last page was " + ids(List.of(page)));
            }
            request = request.withCursor(next);
        }
    }

    /** Follows nextCursor for a number of pages and returns the request for the page after them. */
    static PageRequest skip(PostPager pager, PageRequest first, int pages) {
        PageRequest request = first;
        for (int i = 0; i < pages; i++) {
            Page page = pager.list(request);
            if (page.nextCursor() == null) {
                fail("the list ended after " + (i + 1) + " pages of " + first.limit() + "; expected at least " + pages);
            }
            request = request.withCursor(page.nextCursor());
        }
        return request;
    }

    static List<Long> ids(List<Page> pages) {
        List<Long> ids = new ArrayList<>();
        pages.forEach(page -> page.items().forEach(post -> ids.add(post.id())));
        return ids;
    }

    /** Fails, with examples, unless every expected id was seen exactly once. */
    static void assertEachExactlyOnce(Collection<Long> expected, List<Long> seen, String walk, String meaning) {
        Map<Long, Integer> counts = new LinkedHashMap<>();
        seen.forEach(id -> counts.merge(id, 1, Integer::sum));
        List<Long> repeated = expected.stream().filter(id -> counts.getOrDefault(id, 0) > 1).toList();
        List<Long> missing = expected.stream().filter(id -> !counts.containsKey(id)).toList();
        if (!repeated.isEmpty() || !missing.isEmpty()) {
            fail(walk + ": expected each of the " + expected.size() + " posts exactly once, but "
                    + repeated.size() + " came back more than once" + examples(repeated) + " and "
                    + missing.size() + " never came back" + examples(missing) + ". " + meaning);
        }
    }

    private static String examples(List<Long> ids) {
        return ids.isEmpty() ? "" : " (ids " + ids.subList(0, Math.min(8, ids.size())) + (ids.size() > 8 ? "...)" : ")");
    }
}
