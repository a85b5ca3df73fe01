package com.cruddur.common.error;

import java.util.List;

/**
 * A failure the caller can act on: an HTTP status and the error codes the body carries, e.g.
 * {@code 404 ["user_not_found"]} or {@code 422 ["message_blank", "ttl_invalid"]}.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final List<String> codes;

    public ApiException(int status, List<String> codes) {
        super(status + " " + codes, null, false, false);
        if (codes.isEmpty()) {
            throw new IllegalArgumentException("an error needs at least one code");
        }
        this.status = status;
        this.codes = List.copyOf(codes);
    }

    public ApiException(int status, String code) {
        this(status, List.of(code));
    }

    public static ApiException notFound(String code) {
        return new ApiException(404, code);
    }

    public static ApiException forbidden() {
        return new ApiException(403, ErrorCodes.FORBIDDEN);
    }

    public int status() {
        return status;
    }

    public List<String> codes() {
        return codes;
    }
}
