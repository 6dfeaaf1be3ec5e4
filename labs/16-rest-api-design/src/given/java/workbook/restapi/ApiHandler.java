package workbook.restapi;

/** Answers one request; {@link BookmarkServer} serves it over HTTP. */
@FunctionalInterface
public interface ApiHandler {
    ApiResponse handle(ApiRequest request);
}
