package com.cruddur.common.paging;

import com.cruddur.common.validation.Validation;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A page request, the same for every list of the API: {@code limit} (1 to 100, default 20) and the opaque
 * {@code cursor} of the previous page's {@code Link} header. A cursor holds a position {@code <timestamp>#<uuid>}: the
 * sort key of the last item seen, in the one timestamp format.
 */
public record Paging(int limit, Optional<String> after) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    /** Longer than any cursor this API issues (a timestamp and a uuid, in base64): refused before decoding. */
    static final int MAX_CURSOR_LENGTH = 200;

    private static final Pattern POSITION =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z#" + Validation.UUID_PATTERN);

    /** Parses the query parameters; adds {@code limit_invalid} and {@code cursor_invalid} to {@code validation}. */
    public static Paging parse(String limit, String cursor, Validation validation) {
        Integer size = DEFAULT_LIMIT;
        if (limit != null) {
            size = limit.matches("\\d{1,3}") ? Integer.valueOf(limit) : null;
            validation.check(size == null || size < 1 || size > MAX_LIMIT, "limit_invalid");
        }
        Optional<String> after = Optional.empty();
        if (cursor != null) {
            after = decode(cursor);
            validation.check(after.isEmpty(), "cursor_invalid");
        }
        return new Paging(size == null ? DEFAULT_LIMIT : size, after);
    }

    /** Parses and validates on its own: 422 with the failing codes. */
    public static Paging parse(String limit, String cursor) {
        Validation validation = new Validation();
        Paging paging = parse(limit, cursor, validation);
        validation.throwIfFailed();
        return paging;
    }

    /**
     * The response, with {@code Link: </api/...?cursor=...>; rel="next"} when there is a next page. The URL is
     * relative, so it holds behind any proxy or load balancer.
     */
    public static Response withNext(Response.ResponseBuilder response, UriInfo uri, Optional<String> next) {
        next.ifPresent(position -> {
            URI full = uri.getRequestUriBuilder()
                    .replaceQueryParam("cursor", encode(position))
                    .build();
            String relative = full.getRawPath() + (full.getRawQuery() == null ? "" : "?" + full.getRawQuery());
            response.header("Link", "<" + relative + ">; rel=\"next\"");
        });
        return response.build();
    }

    static String encode(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<String> decode(String cursor) {
        if (cursor.length() > MAX_CURSOR_LENGTH) {
            return Optional.empty();
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            return POSITION.matcher(text).matches() ? Optional.of(text) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
