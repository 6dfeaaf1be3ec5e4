package workbook.restapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bookmarks API, versions 1 and 2: {@code /vN/bookmarks} (GET lists, POST creates) and
 * {@code /vN/bookmarks/{id}} (GET, PATCH with a JSON Merge Patch, DELETE). Every status code means
 * what RFC 9110 says it means, and every error is an RFC 9457 problem.
 */
public final class BookmarkApi implements ApiHandler {
    private static final Pattern ROUTE = Pattern.compile("/v[12]/bookmarks(?:/([^/]+))?");
    /** The methods of each kind of resource; the server answers HEAD as GET, so HEAD is one of them. */
    static final String COLLECTION_METHODS = "GET, HEAD, POST";
    static final String ITEM_METHODS = "GET, HEAD, PATCH, DELETE";

    private final Quota quota;
    private final BookmarkStore store;
    private final Representation representation;
    private final Listing listing;
    private final IdempotentCreate creates;

    public BookmarkApi(ApiSetup setup) {
        this.quota = setup.quota();
        this.store = setup.store();
        this.representation = new Representation(setup.v1Sunsetting());
        this.listing = new Listing(store);
        this.creates = new IdempotentCreate(store, setup.clock());
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        ApiResponse response;
        try {
            response = route(request);
        } catch (MalformedJsonException | BadRequestException e) {
            response = Problem.of(400, e.getMessage()).toResponse();
        } catch (DuplicateUrlException e) {
            response = Problem.of(409, e.getMessage() + "; change that bookmark instead").toResponse();
        }
        ApiResponse answered = response;
        return ApiVersion.ofPath(request.path()).map(v -> answered.withHeaders(representation.lifecycleHeaders(v))).orElse(answered);
    }

    private ApiResponse route(ApiRequest request) {
        OptionalLong wait = quota.retryAfterSeconds(request.user());
        if (wait.isPresent()) {
            return Problem.of(429, request.user() + " has used up the quota; try again in " + wait.getAsLong() + " s")
                    .toResponse().withHeader("Retry-After", Long.toString(wait.getAsLong()));
        }
        Matcher route = ROUTE.matcher(request.path());
        if (!route.matches()) {
            return Problem.of(404, "there is no resource at " + request.path()).toResponse();
        }
        ApiVersion version = ApiVersion.ofPath(request.path()).orElseThrow();
        if (route.group(1) == null) {
            return switch (request.method()) {
                case "GET" -> list(request, version);
                case "POST" -> create(request, version);
                default -> methodNotAllowed(request, COLLECTION_METHODS);
            };
        }
        Optional<Long> id = parseId(route.group(1));
        if (id.isEmpty()) {
            return notFound(request);
        }
        return switch (request.method()) {
            case "GET" -> read(request, version, id.get());
            case "PATCH" -> patch(request, version, id.get());
            case "DELETE" -> store.delete(request.user(), id.get()) ? ApiResponse.status(204) : notFound(request);
            default -> methodNotAllowed(request, ITEM_METHODS);
        };
    }

    private ApiResponse create(ApiRequest request, ApiVersion version) {
        if (!request.mediaType().equals("application/json")) {
            return Problem.of(415, "send the bookmark as application/json, not '" + request.mediaType() + "'")
                    .toResponse().withHeader("Accept", "application/json");
        }
        NewBookmark.Parsed parsed = NewBookmark.parse(Json.parse(request.body()), version);
        if (!parsed.valid()) {
            return Problem.invalid(parsed.errors()).toResponse();
        }
        return creates.create(request.user(), request.header("Idempotency-Key"), parsed.value(), bookmark ->
                withEtag(ApiResponse.json(201, representation.render(bookmark, version, Set.copyOf(Representation.allFields(version)))), bookmark)
                        .withHeader("Location", version.prefix() + "/bookmarks/" + bookmark.id()));
    }

    private ApiResponse read(ApiRequest request, ApiVersion version, long id) {
        Set<String> fields = representation.fields(request.query("fields"), version);
        Optional<Bookmark> found = store.find(request.user(), id);
        if (found.isEmpty()) {
            return notFound(request);
        }
        String etag = Preconditions.etag(found.get());
        if (request.header("If-None-Match").filter(header -> Preconditions.noneMatchHits(header, etag)).isPresent()) {
            return ApiResponse.status(304).withHeader("ETag", etag); // the client's copy is current: no body
        }
        return withEtag(ApiResponse.json(200, representation.render(found.get(), version, fields)), found.get());
    }

    private ApiResponse patch(ApiRequest request, ApiVersion version, long id) {
        if (!request.mediaType().equals(MergePatch.MEDIA_TYPE)) {
            return Problem.of(415, "send a JSON Merge Patch (" + MergePatch.MEDIA_TYPE + "), not '" + request.mediaType() + "'")
                    .toResponse().withHeader("Accept-Patch", MergePatch.MEDIA_TYPE);
        }
        Optional<String> ifMatch = request.header("If-Match");
        while (true) {
            Optional<Bookmark> found = store.find(request.user(), id);
            if (found.isEmpty()) {
                return notFound(request);
            }
            Bookmark current = found.get();
            if (ifMatch.isPresent() && !Preconditions.matches(ifMatch.get(), Preconditions.etag(current))) {
                return Problem.of(412, "bookmark " + id + " changed since you read it (it is now "
                        + Preconditions.etag(current) + "); GET it again and re-apply your change").toResponse();
            }
            JsonNode merged = MergePatch.apply(NewBookmark.editable(current, version), request.body());
            NewBookmark.Parsed parsed = NewBookmark.parse(merged, version);
            if (!parsed.valid()) {
                return Problem.invalid(parsed.errors()).toResponse();
            }
            // Compare-and-set on the version read above: a change that slipped in between is never overwritten.
            Optional<Bookmark> updated = store.replaceIfVersion(request.user(), id, parsed.value(), current.version());
            if (updated.isPresent()) {
                return withEtag(ApiResponse.json(200, representation.render(updated.get(), version,
                        Set.copyOf(Representation.allFields(version)))), updated.get());
            }
        }
    }

    private ApiResponse list(ApiRequest request, ApiVersion version) {
        Set<String> fields = representation.fields(request.query("fields"), version);
        Page page = listing.page(request.user(), version.prefix() + "/bookmarks", request.query());
        ObjectNode body = Json.object();
        ArrayNode data = body.putArray("data");
        page.items().forEach(bookmark -> data.add(representation.render(bookmark, version, fields)));
        ApiResponse response = ApiResponse.json(200, body);
        return page.next().map(next -> response.withHeader("Link", "<" + next + ">; rel=\"next\"")).orElse(response);
    }

    private static ApiResponse withEtag(ApiResponse response, Bookmark bookmark) {
        return response.withHeader("ETag", Preconditions.etag(bookmark));
    }

    private static Optional<Long> parseId(String segment) {
        try {
            return Optional.of(Long.parseLong(segment));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static ApiResponse notFound(ApiRequest request) {
        return Problem.of(404, "you have no bookmark at " + request.path()).toResponse();
    }

    private static ApiResponse methodNotAllowed(ApiRequest request, String allowed) {
        return Problem.of(405, request.method() + " is not a method of " + request.path() + "; use " + allowed)
                .toResponse().withHeader("Allow", allowed);
    }
}
