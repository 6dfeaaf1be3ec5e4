package workbook.queries;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The catalogue of Task 2: {@code products(id, name, tags text[], attrs jsonb)}, filled with generated
 * rows. Every product has three tags out of {@code tag-0..tag-39} and the attributes {@code color}
 * ({@code color-0..11}), {@code size} ({@code size-0..4}) and {@code brand} ({@code brand-0..199}); its
 * name is {@code Product } followed by 12 hex digits.
 */
public final class ProductsTable {
    private ProductsTable() {
    }

    public static void create(JdbcTemplate jdbc) {
        jdbc.execute("""
                create table products (
                    id    int primary key,
                    name  text not null,
                    tags  text[] not null,
                    attrs jsonb not null
                )""");
    }

    public static void fill(JdbcTemplate jdbc, int rows) {
        jdbc.update("""
                insert into products (id, name, tags, attrs)
                select g,
                       'Product ' || substr(md5(g::text), 1, 12),
                       array['tag-' || g % 40, 'tag-' || (g * 7 + 1) % 40, 'tag-' || (g * 13 + 2) % 40],
                       jsonb_build_object('color', 'color-' || g % 12, 'size', 'size-' || g % 5,
                                          'brand', 'brand-' || (g * 17) % 200)
                from generate_series(1, ?) g""", rows);
    }
}
