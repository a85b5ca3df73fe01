package com.cruddur.activities.service;

import com.cruddur.activities.repository.ActivityRepository.Position;
import com.cruddur.common.validation.Validation;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/** A page request: the page size and the opaque cursor of the previous page's {@code Link} header. */
public record Paging(int limit, Optional<Position> after) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    private static final Pattern POSITION = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z#[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** Parses the query parameters; adds {@code limit_invalid} and {@code cursor_invalid} to {@code validation}. */
    public static Paging parse(String limit, String cursor, Validation validation) {
        Integer size = DEFAULT_LIMIT;
        if (limit != null) {
            size = limit.matches("\\d{1,3}") ? Integer.valueOf(limit) : null;
            validation.check(size == null || size < 1 || size > MAX_LIMIT, "limit_invalid");
        }
        Optional<Position> after = Optional.empty();
        if (cursor != null) {
            after = decode(cursor);
            validation.check(after.isEmpty(), "cursor_invalid");
        }
        return new Paging(size == null ? DEFAULT_LIMIT : size, after);
    }

    public static String encode(Position position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.sortKey().getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<Position> decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            return POSITION.matcher(text).matches() ? Optional.of(new Position(text)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
