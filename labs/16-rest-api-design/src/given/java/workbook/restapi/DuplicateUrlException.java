package workbook.restapi;

/** The user already has a bookmark with this URL (the unique key on owner and url): a conflict (409). */
public final class DuplicateUrlException extends RuntimeException {
    public DuplicateUrlException(String owner, String url) {
        super(owner + " already has a bookmark for " + url);
    }
}
