package workbook.cacheaside;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A row of the products table, and how it is written into Redis: as JSON under the key
 * {@code product:<id>}.
 * <p>
 * Given code: you do not need to change it.
 */
public record Product(long id, String name, int priceCents) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The Redis key that caches product {@code id}: {@code product:42}. */
    public static String cacheKey(long id) {
        return "product:" + id;
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + this + " as JSON", e);
        }
    }

    /** Reads what {@link #toJson()} wrote; fails on anything else (a sentinel, for example). */
    public static Product fromJson(String json) {
        try {
            return JSON.readValue(json, Product.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a cached product: " + json, e);
        }
    }

    /** The same product at another price: what an update writes. */
    public Product withPrice(int newPriceCents) {
        return new Product(id, name, newPriceCents);
    }
}
