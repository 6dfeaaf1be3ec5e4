package workbook.restapi;

import java.time.Instant;
import java.util.List;

/** A stored bookmark. {@code version} starts at 1 and grows by one with every change. */
public record Bookmark(long id, String owner, String url, String title, String description, List<String> tags,
                       Instant createdAt, Instant updatedAt, int version) {
    public Bookmark {
        tags = List.copyOf(tags);
    }
}
