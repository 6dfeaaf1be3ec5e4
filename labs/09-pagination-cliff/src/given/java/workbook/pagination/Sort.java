package workbook.pagination;

/**
 * The orders a client may list posts in. {@code id} is unique; {@code created_at} is not: many posts
 * share the same second, which is what Task 3 is about.
 */
public enum Sort {
    /** Oldest id first. */
    ID_ASC,
    /** Newest id first. */
    ID_DESC,
    /** Oldest post first, by {@code created_at}; posts of the same instant by id. */
    CREATED_ASC,
    /** Newest post first, by {@code created_at}, then by id, descending: the usual feed. */
    CREATED_DESC
}
