package workbook.queries;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/** The products of {@link ProductsTable#fill}, computed in Java from the same formulas: the expected answers. */
final class Catalogue {
    private Catalogue() {
    }

    static Set<String> tags(int id) {
        return Set.of("tag-" + id % 40, "tag-" + (id * 7 + 1) % 40, "tag-" + (id * 13 + 2) % 40);
    }

    static Map<String, String> attributes(int id) {
        return Map.of("color", "color-" + id % 12, "size", "size-" + id % 5, "brand", "brand-" + (id * 17) % 200);
    }

    static List<Integer> withAllTags(List<String> tags) {
        return matching(id -> tags(id).containsAll(tags));
    }

    static List<Integer> withAttributes(Map<String, String> wanted) {
        return matching(id -> attributes(id).entrySet().containsAll(wanted.entrySet()));
    }

    private static List<Integer> matching(java.util.function.IntPredicate test) {
        return new ArrayList<>(IntStream.rangeClosed(1, Task2IndexTypesTest.PRODUCTS).filter(test).boxed().toList());
    }
}
