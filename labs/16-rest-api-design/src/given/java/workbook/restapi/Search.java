package workbook.restapi;

import java.util.Optional;

/** A filter on a user's bookmarks: one tag, and/or a keyword found in the title, description or URL (case-insensitive). */
public record Search(Optional<String> tag, Optional<String> keyword) {
    public static final Search ALL = new Search(Optional.empty(), Optional.empty());
}
