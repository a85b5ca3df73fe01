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

    /**
     * Whether {@code value} shows nothing: missing, or only whitespace and invisible format characters (zero-width
     * space and joiners, word joiner, byte order mark, soft hyphen, ...), so a message or a name made of them is blank.
     */
    public static boolean isBlank(String value) {
        return value == null
                || value.codePoints()
                        .allMatch(c -> Character.isWhitespace(c)
                                || Character.isSpaceChar(c)
                                || Character.getType(c) == Character.FORMAT);
    }

    /** The one id format: a lower-case UUID, as {@link java.util.UUID#toString()} writes it. */
    public static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    public static boolean isUuid(String text) {
        return text != null && text.matches(UUID_PATTERN);
    }

    /** Control characters other than line breaks and tabs, which a message may hold. */
    public static boolean hasControlCharacters(String text) {
        return text != null && text.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t');
    }

    /**
     * Characters no text of ours may hold because SQS (and any XML or JSON consumer) cannot carry them: the
     * noncharacters (U+FDD0..U+FDEF and the last two code points of every plane, U+FFFE and U+FFFF among them) and
     * lone surrogates (half of a pair, which is not a character at all). Control characters are
     * {@link #hasControlCharacters}'s.
     */
    public static boolean hasNoncharacters(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                if (isNoncharacter(Character.toCodePoint(c, text.charAt(i)))) {
                    return true;
                }
            } else if (Character.isSurrogate(c) || isNoncharacter(c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNoncharacter(int codePoint) {
        return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
    }

    /** Longest handle, in code points (Cognito's {@code preferred_username} is free text; ours is not). */
    public static final int HANDLE_MAX_LENGTH = 128;

    /**
     * Whether {@code text} can be a handle: 1 to {@value #HANDLE_MAX_LENGTH} code points, no whitespace or control
     * characters, and none that would change a URL or a Cognito filter ({@code / % ? # " \}). Checked before a handle
     * reaches a store or another service; a value that cannot be a handle is answered like an unknown one.
     */
    public static boolean isHandle(String text) {
        if (text == null || text.isEmpty() || length(text) > HANDLE_MAX_LENGTH) {
            return false;
        }
        return text.codePoints()
                .noneMatch(c -> Character.isWhitespace(c)
                        || Character.isSpaceChar(c)
                        || Character.isISOControl(c)
                        || "/%?#\"\\".indexOf(c) >= 0);
    }

    /** Control characters of any kind (NUL, BEL, ESC, line breaks, tabs, DEL, C1): none belongs in a one-line name. */
    public static boolean hasAnyControlCharacter(String text) {
        return text != null && text.codePoints().anyMatch(Character::isISOControl);
    }

    /** Length as a person counts it: in Unicode code points, so an emoji is one character, not two. */
    public static int length(String value) {
        return value == null ? 0 : value.codePointCount(0, value.length());
    }
}
