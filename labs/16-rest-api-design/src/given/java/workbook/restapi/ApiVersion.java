package workbook.restapi;

import java.util.Optional;

/**
 * The two versions of the API, by URL path. Version 2 renamed one field: the bookmark's address is
 * {@code url} in version 1 and {@code href} in version 2, in requests and in responses.
 */
public enum ApiVersion {
    V1("/v1", "url"),
    V2("/v2", "href");

    private final String prefix;
    private final String urlField;

    ApiVersion(String prefix, String urlField) {
        this.prefix = prefix;
        this.urlField = urlField;
    }

    /** {@code "/v1"} or {@code "/v2"}. */
    public String prefix() {
        return prefix;
    }

    /** The name of the bookmark's address in this version: {@code "url"} or {@code "href"}. */
    public String urlField() {
        return urlField;
    }

    /** The version whose prefix starts this path ({@code /v2/bookmarks/7} is V2), if any. */
    public static Optional<ApiVersion> ofPath(String path) {
        for (ApiVersion version : values()) {
            if (path.equals(version.prefix) || path.startsWith(version.prefix + "/")) {
                return Optional.of(version);
            }
        }
        return Optional.empty();
    }
}
