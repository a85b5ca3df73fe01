package com.cruddur.common.validation;

import com.cruddur.common.error.ApiException;
import java.util.ArrayList;
import java.util.List;

/** Collects every failing check of a request, so the caller learns all of them at once (422 with all codes). */
public final class Validation {

    private final List<String> codes = new ArrayList<>();

    public Validation check(boolean failed, String code) {
        if (failed && !codes.contains(code)) {
            codes.add(code);
        }
        return this;
    }

    public void throwIfFailed() {
        if (!codes.isEmpty()) {
            throw new ApiException(422, codes);
        }
    }

    public static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** Length as a person counts it: in Unicode code points, so an emoji is one character, not two. */
    public static int length(String value) {
        return value == null ? 0 : value.codePointCount(0, value.length());
    }
}
